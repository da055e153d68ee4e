package io.galeragen.core.validate;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.AnyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields fabric8 did not know. Its model classes catch unknown JSON fields in an
 * {@code additionalProperties} map instead of failing, at any depth, so the whole typed object graph is walked
 * (bean properties by their JSON names, lists by index, maps by key) and every non-empty map is reported.
 */
final class UnknownFieldFinder {

    /** An unknown field: where it is and which fabric8 class did not have it. */
    record UnknownField(JsonPath path, Class<?> owner) {}

    /** The JSON properties of one fabric8 class and its any-getter (the additionalProperties map), if any. */
    private record Shape(List<Property> properties, AnnotatedMember anyGetter) {}

    private record Property(String jsonName, AnnotatedMember accessor) {}

    private final ObjectMapper mapper;
    // Introspecting a class is costly; the result is the same for every object of that class.
    private final ClassValue<Shape> shapes = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return introspect(type);
        }
    };

    UnknownFieldFinder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<UnknownField> find(Object resource) {
        List<UnknownField> found = new ArrayList<>();
        walk(resource, JsonPath.root(), found);
        return found;
    }

    private void walk(Object value, JsonPath path, List<UnknownField> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> walk(child, path.field(String.valueOf(key)), found));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path.index(i), found);
            }
        } else if (isFabric8Bean(value.getClass())) {
            walkBean(value, path, found);
        }
        // Anything else (strings, numbers, enums, IntOrString) has no fields of its own.
    }

    private void walkBean(Object bean, JsonPath path, List<UnknownField> found) {
        Shape shape = shapes.get(bean.getClass());
        if (shape.anyGetter() != null && shape.anyGetter().getValue(bean) instanceof Map<?, ?> unknown) {
            for (Object key : unknown.keySet()) {
                found.add(new UnknownField(path.field(String.valueOf(key)), bean.getClass()));
            }
        }
        for (Property property : shape.properties()) {
            walk(property.accessor().getValue(bean), path.field(property.jsonName()), found);
        }
    }

    private static boolean isFabric8Bean(Class<?> type) {
        return type.getName().startsWith("io.fabric8.") && !type.isEnum() && !AnyType.class.isAssignableFrom(type);
    }

    private Shape introspect(Class<?> type) {
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        AnnotatedMember anyGetter = description.findAnyGetter();
        if (anyGetter != null) {
            anyGetter.fixAccess(true);
        }
        List<Property> properties = new ArrayList<>();
        for (BeanPropertyDefinition definition : description.findProperties()) {
            AnnotatedMember accessor = definition.getAccessor();
            if (accessor != null && !sameMember(accessor, anyGetter) && !isLeaf(accessor.getRawType())) {
                // Once per class: without it every getValue pays Method.invoke's access check (seen in a profile).
                accessor.fixAccess(true);
                properties.add(new Property(definition.getName(), accessor));
            }
        }
        return new Shape(List.copyOf(properties), anyGetter);
    }

    /**
     * A declared type that can hold no fields of its own, so its getter need not be called at all: most
     * properties of a manifest are strings and numbers, and each call is a reflective invocation.
     */
    private static boolean isLeaf(Class<?> type) {
        return type.isPrimitive()
                || type == String.class
                || type == Boolean.class
                || type.isEnum()
                || Number.class.isAssignableFrom(type);
    }

    private static boolean sameMember(AnnotatedMember one, AnnotatedMember other) {
        return other != null && one.getMember().equals(other.getMember());
    }
}
