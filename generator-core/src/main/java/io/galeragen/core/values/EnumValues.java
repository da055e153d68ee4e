package io.galeragen.core.values;

import io.galeragen.core.model.Spelled;

import java.util.Arrays;
import java.util.Optional;

/** Enums of the model are spelled in values files by their {@link Spelled#value()} ({@code force-pod0}), not their name. */
final class EnumValues {

    private EnumValues() {
    }

    static String spelling(Object constant) {
        if (constant instanceof Spelled spelled) {
            return spelled.value();
        }
        throw new IllegalStateException("model enum " + constant.getClass() + " must implement Spelled");
    }

    static Optional<Object> parse(Class<?> type, String spelling) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> spelling(constant).equals(spelling))
                .map(Object.class::cast).findFirst();
    }
}
