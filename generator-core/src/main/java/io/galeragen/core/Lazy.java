package io.galeragen.core;

import java.util.function.Supplier;

/** A value made on first use, once, thread-safely: what a one-off run never uses, it never loads. */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> maker;
    private volatile T value;

    Lazy(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = maker.get();
                    value = current;
                }
            }
        }
        return current;
    }
}
