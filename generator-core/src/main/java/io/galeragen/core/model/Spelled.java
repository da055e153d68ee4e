package io.galeragen.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum constant with the spelling users write in values files and POMs (e.g. {@code force-pod0}), which is
 * also what configuration files render.
 */
public interface Spelled {

    /** The spelling in values files and rendered configuration. */
    String value();

    /** The constant of {@code type} spelled {@code value}, if any. */
    static <E extends Enum<E> & Spelled> Optional<E> fromValue(Class<E> type, String value) {
        return find(type, value).map(type::cast);
    }

    /** The same for an enum type known only at run time (the values layer reads the model's types). */
    static Optional<Spelled> find(Class<?> enumType, String value) {
        return constants(enumType).stream()
                .filter(constant -> constant.value().equals(value))
                .findFirst();
    }

    /** The constants of an enum that implements this interface, in declaration order. */
    static List<Spelled> constants(Class<?> enumType) {
        if (!enumType.isEnum() || !Spelled.class.isAssignableFrom(enumType)) {
            throw new IllegalStateException(enumType + " must be an enum implementing Spelled");
        }
        return Arrays.stream(enumType.getEnumConstants())
                .map(Spelled.class::cast)
                .toList();
    }
}
