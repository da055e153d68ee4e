package io.galeragen.core.model;

import java.util.Arrays;
import java.util.Optional;

/** An enum constant with the spelling users write in values files (e.g. {@code force-pod0}). */
public interface Spelled {

    /** The spelling in values files and rendered configuration. */
    String value();

    /** The constant of {@code type} spelled {@code value}, if any. */
    static <E extends Enum<E> & Spelled> Optional<E> fromValue(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.value().equals(value)).findFirst();
    }
}
