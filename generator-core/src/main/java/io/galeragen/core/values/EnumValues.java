package io.galeragen.core.values;

import java.util.Arrays;
import java.util.Optional;

/** Enums of the model are spelled in values files by their {@code value()} ({@code force-pod0}), not their name. */
final class EnumValues {

    private EnumValues() {
    }

    static String spelling(Object constant) {
        try {
            return (String) constant.getClass().getMethod("value").invoke(constant);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("model enum " + constant.getClass() + " needs a public value()", e);
        }
    }

    static Optional<Object> parse(Class<?> type, String spelling) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> spelling(constant).equals(spelling))
                .map(Object.class::cast).findFirst();
    }
}
