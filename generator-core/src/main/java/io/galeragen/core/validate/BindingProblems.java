package io.galeragen.core.validate;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.Collection;
import java.util.Map;

/**
 * Turns a Jackson binding failure into a problem that names the path and says what was found and what is
 * expected, instead of a stack trace: {@code StatefulSet/db: spec.replicas: "three" is not allowed: expected an
 * integer}.
 */
final class BindingProblems {

    private BindingProblems() {}

    static Problem of(String documentName, JsonNode document, JsonMappingException failure) {
        JsonPath path = JsonPath.root();
        JsonNode value = document;
        for (JsonMappingException.Reference step : failure.getPath()) {
            if (step.getFieldName() != null) {
                path = path.field(step.getFieldName());
                value = value == null ? null : value.get(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path = path.index(step.getIndex());
                value = value == null ? null : value.get(step.getIndex());
            }
        }
        String expected = expected(failure);
        String message = expected == null
                ? "cannot be read: " + failure.getOriginalMessage()
                : describe(value) + " is not allowed: expected " + expected;
        return new Problem(Input.RENDERED, documentName + ": " + path, message);
    }

    private static String expected(JsonMappingException failure) {
        // A number too large for its field arrives wrapped, with the Java type it did not fit.
        if (failure.getCause() instanceof InputCoercionException overflow && overflow.getTargetType() != null) {
            Class<?> target = overflow.getTargetType();
            boolean isInt = target == int.class || target == Integer.class;
            return isInt ? "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : describe(target);
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return describe(mismatch.getTargetType());
        }
        if (failure instanceof ValueInstantiationException instantiation && instantiation.getType() != null) {
            JavaType type = instantiation.getType();
            return describe(type.getRawClass());
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == IntOrString.class) {
            return "an integer or a string";
        }
        if (type == Quantity.class) {
            return "a Kubernetes quantity (e.g. 500m, 10Gi)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a map of names to values";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String describe(JsonNode value) {
        if (value == null) {
            return "the value";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.toString(); // JSON text: strings quoted, numbers and booleans bare
    }
}
