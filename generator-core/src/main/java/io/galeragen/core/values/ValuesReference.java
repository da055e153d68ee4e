package io.galeragen.core.values;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The reference of every values key (type, default, description) as Markdown, generated from the model's shape,
 * its defaults and {@link KeyDescriptions}. The committed docs/values-reference.md is checked against it by a
 * test, so the docs change exactly when the model does.
 */
public final class ValuesReference {

    private ValuesReference() {
    }

    public static String markdown() {
        JsonNode defaults = ValuesTree.of(GaleraCluster.defaults());
        StringBuilder text = new StringBuilder();
        text.append("# Values reference\n\n")
                .append("<!-- Generated from the model by io.galeragen.core.values.ValuesReference. Do not edit: ")
                .append("run `./mvnw -pl generator-core -am test -Dgalera.updateDocs=true`. -->\n\n")
                .append("Every key is optional; a key left out keeps its default. Values are applied in this order, ")
                .append("the last one winning: the defaults below, each file of `<valuesFiles>` (YAML; mappings ")
                .append("merge, lists and scalars replace), `<values>` in the POM, then `-Dgalera.set=key.path=value,...`.\n\n")
                .append("Editors complete and check values files with the JSON Schema `")
                .append(ValuesSchema.FILE_NAME).append("` (in the galera-generator-core jar, and written next to ")
                .append("the output with `<writeValuesSchema>true</writeValuesSchema>`): add ")
                .append("`# yaml-language-server: $schema=").append(ValuesSchema.FILE_NAME)
                .append("` as the first line of values.yaml.\n\n")
                .append("| Key | Type | Default | Description |\n")
                .append("| --- | --- | --- | --- |\n");
        ValueShape.allPaths().forEach((path, shape) -> text.append("| `").append(path).append("` | ")
                .append(typeName(shape)).append(" | ")
                .append(shape.kind() == ValueShape.Kind.OBJECT ? "" : defaultText(defaults.at(pointer(path))))
                .append(" | ").append(KeyDescriptions.of(path).replace("|", "\\|")).append(" |\n"));
        text.append("\n## Tuned settings that are not keys\n\n")
                .append("galera.cnf sets these on every Galera member (replicas 2 or more); `galera.extraCnf` lines ")
                .append("come last and win, so each can be put back. Measurements: docs/performance.md.\n\n")
                .append("| Setting | Value | Why | Trade-off |\n| --- | --- | --- | --- |\n")
                .append("| `innodb_flush_log_at_trx_commit` | `").append(Defaults.FLUSH_LOG_AT_TRX_COMMIT)
                .append("` | +71% write TPS, p95 halved on the throughput harness | Durability: the redo log reaches ")
                .append("disk once a second, not at every commit. A killed mariadbd loses nothing (the OS holds the ")
                .append("log); a member whose node loses power loses at most its last second locally and gets it back ")
                .append("from a peer by IST; only a power loss of every member at once can lose the last second of ")
                .append("acknowledged commits. `replicas: 1` keeps MariaDB's 1. Memory: none. |\n");
        return text.toString();
    }

    private static String typeName(ValueShape shape) {
        return switch (shape.kind()) {
            case OBJECT -> "group";
            case STRING -> "string";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case ENUM -> "one of " + shape.enumValues().stream().map(value -> "`" + value + "`")
                    .collect(Collectors.joining(", "));
            case STRING_LIST -> "list of strings";
            case STRING_MAP -> "map of strings";
        };
    }

    private static String defaultText(JsonNode value) {
        if (value.isNull()) {
            return "not set";
        } else if (value.isArray()) {
            return "`[" + StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining(", ")) + "]`";
        } else if (value.isObject()) {
            return value.isEmpty() ? "`{}`" : "`" + value + "`";
        }
        return "`" + value.asText() + "`";
    }

    private static String pointer(String path) {
        return "/" + path.replace('.', '/');
    }
}
