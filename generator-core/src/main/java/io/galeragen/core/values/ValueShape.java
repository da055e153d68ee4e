package io.galeragen.core.values;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.Spelled;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of the values tree, read once from the model's records by reflection: one node per key, named
 * by the record component. Values files, {@code --set} paths, the JSON Schema and the reference docs all
 * follow this one shape, so a new model field is a new values key everywhere at once.
 */
public final class ValueShape {

    /** What a key holds. */
    public enum Kind {
        OBJECT,
        STRING,
        INTEGER,
        BOOLEAN,
        ENUM,
        STRING_LIST,
        STRING_MAP
    }

    /** The shape of {@link GaleraCluster}, the root of every values file. */
    public static final ValueShape ROOT = of(GaleraCluster.class, GaleraCluster.class);

    private final Kind kind;
    private final Class<?> type;
    private final Map<String, ValueShape> fields;
    private final Map<String, RecordComponent> components;

    private ValueShape(
            Kind kind, Class<?> type, Map<String, ValueShape> fields, Map<String, RecordComponent> components) {
        this.kind = kind;
        this.type = type;
        this.fields = fields;
        this.components = components;
    }

    private static ValueShape of(Class<?> type, Type generic) {
        if (type.isRecord()) {
            Map<String, ValueShape> fields = new LinkedHashMap<>();
            Map<String, RecordComponent> components = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                fields.put(component.getName(), of(component.getType(), component.getGenericType()));
                components.put(component.getName(), component);
            }
            return new ValueShape(Kind.OBJECT, type, fields, components);
        }
        return new ValueShape(leafKind(type, generic), type, Map.of(), Map.of());
    }

    private static Kind leafKind(Class<?> type, Type generic) {
        if (type == String.class) {
            return Kind.STRING;
        } else if (type == int.class) {
            return Kind.INTEGER;
        } else if (type == boolean.class) {
            return Kind.BOOLEAN;
        } else if (type.isEnum()) {
            return Kind.ENUM;
        } else if (type == List.class && typeArguments(generic).equals(List.of(String.class))) {
            return Kind.STRING_LIST;
        } else if (type == Map.class && typeArguments(generic).equals(List.of(String.class, String.class))) {
            return Kind.STRING_MAP;
        }
        // A new model field of another type must be taught to the values layer on purpose.
        throw new IllegalStateException("no values mapping for model type " + generic);
    }

    private static List<Type> typeArguments(Type generic) {
        return generic instanceof ParameterizedType parameterized
                ? Arrays.asList(parameterized.getActualTypeArguments())
                : List.of();
    }

    public Kind kind() {
        return kind;
    }

    public Class<?> type() {
        return type;
    }

    /** The keys of an object, in record order. Empty for every other kind. */
    public Map<String, ValueShape> fields() {
        return fields;
    }

    RecordComponent component(String field) {
        return components.get(field);
    }

    /** For an enum: its constants as values files spell them ({@code value()}), in declaration order. */
    public List<String> enumValues() {
        return Spelled.constants(type).stream().map(Spelled::value).toList();
    }

    /** How a message names the form this key expects. */
    public String expectedForm() {
        return switch (kind) {
            case OBJECT -> "a mapping with the keys " + fields.keySet();
            case STRING -> "a string";
            case INTEGER -> "a whole number";
            case BOOLEAN -> "true or false";
            case ENUM -> "one of " + enumValues();
            case STRING_LIST -> "a list of strings";
            case STRING_MAP -> "a mapping of string keys to string values";
        };
    }

    /**
     * Every key path of the tree, parents before children, in record order ({@code storage}, {@code storage.size}).
     */
    public static Map<String, ValueShape> allPaths() {
        return collectFrom(ROOT);
    }

    private static Map<String, ValueShape> collectFrom(ValueShape shape) {
        Map<String, ValueShape> paths = new LinkedHashMap<>();
        collect("", shape, paths);
        return paths;
    }

    /**
     * How many mappings and lists nest at the deepest point of a value of this shape: 1 for a list or map of strings,
     * one more than the deepest field for a record, 0 for a scalar.
     */
    public int depth() {
        return switch (kind) {
            case OBJECT ->
                1 + fields.values().stream().mapToInt(ValueShape::depth).max().orElse(0);
            case STRING_LIST, STRING_MAP -> 1;
            default -> 0;
        };
    }

    /** The first key path to a value, in record order, that sits {@link #depth()} deep: what depth messages name. */
    String deepestKey() {
        for (Map.Entry<String, ValueShape> path : collectFrom(this).entrySet()) {
            int segments = path.getKey().split("\\.").length;
            if (path.getValue().kind != Kind.OBJECT
                    && segments + path.getValue().depth() == depth()) {
                return path.getKey();
            }
        }
        return "";
    }

    /**
     * What a key is for, in one sentence: the {@link JsonPropertyDescription} of the record component it is, which
     * the values schema (editor hovers) and the values reference show.
     */
    static String description(String path) {
        ValueShape owner = ROOT;
        String[] keys = path.split("\\.");
        for (int i = 0; i < keys.length - 1 && owner != null; i++) {
            owner = owner.fields.get(keys[i]);
        }
        RecordComponent component = owner == null ? null : owner.component(keys[keys.length - 1]);
        // Jackson's annotation does not target record components: Java keeps it on the accessor (and the field).
        JsonPropertyDescription description =
                component == null ? null : component.getAccessor().getAnnotation(JsonPropertyDescription.class);
        if (description == null || description.value().isBlank()) {
            throw new IllegalStateException(
                    "values key " + path + " has no @JsonPropertyDescription on its record " + "component");
        }
        return description.value();
    }

    private static void collect(String prefix, ValueShape shape, Map<String, ValueShape> paths) {
        shape.fields.forEach((name, child) -> {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            paths.put(path, child);
            collect(path, child, paths);
        });
    }
}
