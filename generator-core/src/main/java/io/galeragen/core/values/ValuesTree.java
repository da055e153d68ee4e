package io.galeragen.core.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.Spelled;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a model object into the values tree it would be written as (the defaults tree, the reference). */
public final class ValuesTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValuesTree() {}

    /** The values tree of a cluster, keys in record order, maps sorted. */
    public static ObjectNode of(GaleraCluster cluster) {
        return (ObjectNode) toNode(cluster, ValueShape.ROOT);
    }

    private static JsonNode toNode(Object value, ValueShape shape) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (shape.kind()) {
            case OBJECT -> {
                ObjectNode object = NODES.objectNode();
                shape.fields().forEach((name, child) -> object.set(name, toNode(read(value, shape, name), child)));
                yield object;
            }
            case STRING -> NODES.textNode((String) value);
            case INTEGER -> NODES.numberNode((Integer) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case ENUM -> NODES.textNode(((Spelled) value).value());
            case STRING_LIST -> {
                ArrayNode array = NODES.arrayNode();
                ((List<?>) value).forEach(item -> array.add((String) item));
                yield array;
            }
            case STRING_MAP -> {
                ObjectNode map = NODES.objectNode();
                new TreeMap<>((Map<?, ?>) value).forEach((key, item) -> map.put((String) key, (String) item));
                yield map;
            }
        };
    }

    private static Object read(Object record, ValueShape shape, String field) {
        try {
            return shape.component(field).getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field + " of " + record.getClass(), e);
        }
    }
}
