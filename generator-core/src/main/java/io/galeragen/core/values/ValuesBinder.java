package io.galeragen.core.values;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.Spelled;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a merged values tree into the model, strictly: an unknown key, a value of the wrong type or an enum
 * spelled wrong is a problem naming the key path, where it was written, and the form that is expected. Every
 * problem is collected before anything is thrown. The bound cluster then goes through the model's own checks
 * ({@code GaleraCluster.Builder#build}), whose problems are given the same origins.
 */
final class ValuesBinder {

    private final Map<String, String> origins;
    private final List<Problem> problems = new ArrayList<>();
    /** Key paths whose value did not bind and was stood in by its default. */
    private final List<String> standIns = new ArrayList<>();

    private final JsonNode defaults = ValuesTree.of(GaleraCluster.defaults());

    private ValuesBinder(Map<String, String> origins) {
        this.origins = origins;
    }

    static GaleraCluster bind(JsonNode tree, Map<String, String> origins) {
        ValuesBinder binder = new ValuesBinder(origins);
        Object cluster = binder.bind(tree, "", ValueShape.ROOT);
        // A key that does not bind stood in with its default, so the model's checks still report the other keys:
        // one typo must not hide every other mistake of the file. Their problems about the stood-in keys are dropped.
        List<Problem> problems = new ArrayList<>(binder.problems);
        try {
            GaleraCluster built = ((GaleraCluster) cluster).toBuilder().build();
            if (problems.isEmpty()) {
                return built;
            }
        } catch (GaleraGenException e) {
            e.problems().stream()
                    .filter(problem -> binder.standIns.stream().noneMatch(standIn -> within(problem.where(), standIn)))
                    .map(problem ->
                            new Problem(Input.VALUES, KeyPaths.where(problem.where(), origins), problem.message()))
                    .forEach(problems::add);
        }
        throw new GaleraGenException(problems);
    }

    /** Whether {@code path} is {@code ancestor} itself or lies below it. */
    private static boolean within(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }

    private Object bind(JsonNode node, String path, ValueShape shape) {
        if (node.isNull()) {
            // null means "not set", for strings only (as in the schema); the model's checks name required ones.
            return shape.kind() == ValueShape.Kind.STRING ? null : wrongType(node, path, shape);
        }
        return switch (shape.kind()) {
            case OBJECT -> bindRecord(node, path, shape);
            case STRING -> node.isTextual() ? node.textValue() : wrongType(node, path, shape);
            case INTEGER ->
                node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : wrongType(node, path, shape);
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : wrongType(node, path, shape);
            case ENUM -> bindEnum(node, path, shape);
            case STRING_LIST -> bindList(node, path, shape);
            case STRING_MAP -> bindMap(node, path, shape);
        };
    }

    private Object bindRecord(JsonNode node, String path, ValueShape shape) {
        if (!node.isObject()) {
            return wrongType(node, path, shape);
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!shape.fields().containsKey(key)) {
                String keyPath = KeyPaths.child(path, key);
                problems.add(UnknownKey.problem(where(keyPath), path, key, shape));
            }
        }
        List<Object> arguments = new ArrayList<>();
        shape.fields().forEach((name, child) -> {
            JsonNode value = node.get(name);
            String childPath = KeyPaths.child(path, name);
            if (value == null) {
                problems.add(new Problem(Input.VALUES, where(childPath), "is missing"));
                arguments.add(standIn(childPath, child));
            } else {
                arguments.add(bind(value, childPath, child));
            }
        });
        return construct(shape, arguments);
    }

    private Object bindEnum(JsonNode node, String path, ValueShape shape) {
        if (node.isTextual()) {
            Object constant = Spelled.find(shape.type(), node.textValue()).orElse(null);
            if (constant != null) {
                return constant;
            }
            String hint = Suggestions.closest(node.textValue(), shape.enumValues())
                    .map(suggestion -> " (did you mean " + suggestion + "?)")
                    .orElse("");
            problems.add(Problem.badValue(Input.VALUES, where(path), node.textValue(), shape.expectedForm() + hint));
            return standIn(path, shape);
        }
        return wrongType(node, path, shape);
    }

    private Object bindList(JsonNode node, String path, ValueShape shape) {
        if (!node.isArray()) {
            return wrongType(node, path, shape);
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual()) {
                items.add(item.textValue());
            } else {
                problems.add(Problem.badValue(Input.VALUES, where(KeyPaths.element(path, i)), show(item), "a string"));
            }
        }
        return items;
    }

    private Object bindMap(JsonNode node, String path, ValueShape shape) {
        if (!node.isObject()) {
            return wrongType(node, path, shape);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                entries.put(entry.getKey(), entry.getValue().textValue());
            } else {
                problems.add(Problem.badValue(
                        Input.VALUES,
                        where(KeyPaths.child(path, entry.getKey())),
                        show(entry.getValue()),
                        "a string (quote it: \"" + entry.getValue().asText() + "\")"));
            }
        });
        return entries;
    }

    private Object wrongType(JsonNode node, String path, ValueShape shape) {
        problems.add(Problem.badValue(Input.VALUES, where(path), show(node), shape.expectedForm()));
        return standIn(path, shape);
    }

    /** The default of a key whose value did not bind, bound from the defaults' tree; null where there is none. */
    private Object standIn(String path, ValueShape shape) {
        standIns.add(path);
        JsonNode fallback = defaults.at("/" + path.replace(".", "/"));
        if (fallback.isMissingNode() || fallback.isNull()) {
            return null;
        }
        int before = problems.size();
        Object value = bind(fallback, path, shape);
        problems.subList(before, problems.size()).clear(); // the defaults bind; never report them
        return value;
    }

    private String where(String path) {
        return KeyPaths.where(path, origins);
    }

    /** A value as the user wrote it: text is quoted (by Problem), numbers, booleans and null are not. */
    private static Object show(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        } else if (node.isObject()) {
            return "a mapping";
        } else if (node.isArray()) {
            return "a list";
        }
        return node;
    }

    private static Object construct(ValueShape shape, List<Object> arguments) {
        try {
            Class<?>[] types = Arrays.stream(shape.type().getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<?> canonical = shape.type().getDeclaredConstructor(types);
            return canonical.newInstance(arguments.toArray());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "model record " + shape.type().getSimpleName() + " rejected bound values", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + shape.type(), e);
        }
    }
}
