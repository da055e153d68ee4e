package io.galeragen.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The YAML documents under src/test/resources/validate/, parsed the way rendered manifests are. */
final class Fixtures {

    /** One fixture per kind galera-gen renders, each valid for Kubernetes 1.28 to 1.33. */
    static final List<String> VALID = List.of(
            "statefulset",
            "service",
            "configmap",
            "poddisruptionbudget",
            "networkpolicy",
            "storageclass",
            "namespace",
            "secret",
            "serviceaccount",
            "priorityclass",
            "servicemonitor",
            "prometheusrule");

    private static final YAMLMapper YAML = new YAMLMapper();

    private Fixtures() {}

    /** A fresh (mutable) copy of {@code validate/valid/<name>.yaml}. */
    static ObjectNode valid(String name) {
        return (ObjectNode) resource("validate/valid/" + name + ".yaml");
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static JsonNode resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return YAML.readTree(in);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
