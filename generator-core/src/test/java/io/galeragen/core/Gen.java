package io.galeragen.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A generator of test inputs: a value drawn from a {@link SplittableRandom}, so that the same seed gives the same
 * values. Only what {@link HostileValues} needs; a lambda over the random source is a generator too.
 */
@FunctionalInterface
interface Gen<T> {

    T next(SplittableRandom random);

    /**
     * The random source of case {@code index} of the run seeded with {@code seed}: its own stream, independent of
     * the cases before it, so that one case can be generated and run alone.
     */
    static SplittableRandom source(long seed, int index) {
        SplittableRandom run = new SplittableRandom(seed);
        for (int i = 0; i < index; i++) {
            run.split();
        }
        return run.split();
    }

    static <T> Gen<T> just(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    /** Any one of the values, equally likely; they must come in a fixed order (not a {@code Set.of}). */
    static <T> Gen<T> of(Collection<? extends T> values) {
        List<T> choices = List.copyOf(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    /** One of the generators, each chosen in proportion to its weight (the entry's key). */
    @SafeVarargs
    static <T> Gen<T> frequency(Map.Entry<Integer, Gen<T>>... weighted) {
        int total = Stream.of(weighted).mapToInt(Map.Entry::getKey).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Map.Entry<Integer, Gen<T>> choice : weighted) {
                pick -= choice.getKey();
                if (pick < 0) {
                    return choice.getValue().next(random);
                }
            }
            throw new AssertionError("unreachable: a pick below the total weight lands on a choice");
        };
    }

    /** Two values drawn in order, first then second, and combined. */
    static <A, B, R> Gen<R> combine(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, R> combined) {
        return random -> {
            A a = first.next(random);
            return combined.apply(a, second.next(random));
        };
    }

    /** One value from each generator, in the list's order. */
    static <T> Gen<List<T>> combine(List<Gen<T>> generators) {
        return random -> {
            List<T> values = new ArrayList<>(generators.size());
            generators.forEach(generator -> values.add(generator.next(random)));
            return values;
        };
    }

    default <R> Gen<R> map(Function<? super T, R> mapper) {
        return random -> mapper.apply(next(random));
    }

    /** Lists of 0 to {@code maxSize} values, every size equally likely. */
    default Gen<List<T>> list(int maxSize) {
        return random -> {
            int size = random.nextInt(maxSize + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }
}
