package io.galeragen.core.values;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.Limits;
import io.galeragen.core.model.MemoryBudget;
import io.galeragen.core.model.Resources;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The reference of every values key (type, default, description) as Markdown, generated from the model's shape,
 * its defaults and the descriptions on its record components. The committed docs/values-reference.md is checked
 * against it by a test, so the docs change exactly when the model does.
 */
public final class ValuesReference {

    private ValuesReference() {}

    public static String markdown() {
        JsonNode defaults = ValuesTree.of(GaleraCluster.defaults());
        StringBuilder text = new StringBuilder();
        text.append("# Values reference\n\n")
                .append("<!-- Generated from the model by io.galeragen.core.values.ValuesReference. Do not edit: ")
                .append("run `./mvnw verify -DskipITs -Dgalera.regenerate=true`. -->\n\n")
                .append("Every key is optional; a key left out keeps its default. Values are applied in this order, ")
                .append("the last one winning: the defaults below, each file of `<valuesFiles>` (YAML; mappings ")
                .append(
                        "merge, lists and scalars replace), `<values>` in the POM, then `-Dgalera.set=key.path=value,...`.\n\n")
                .append("Editors complete and check values files with the JSON Schema `")
                .append(ValuesSchema.FILE_NAME)
                .append("` (in the galera-generator-core jar, and written beside the ")
                .append("first values file with `<writeValuesSchema>true</writeValuesSchema>`): add ")
                .append("`# yaml-language-server: $schema=")
                .append(ValuesSchema.FILE_NAME)
                .append("` as the first line of values.yaml.\n\n")
                .append("| Key | Type | Default | Description |\n")
                .append("| --- | --- | --- | --- |\n");
        ValueShape.allPaths()
                .forEach((path, shape) -> text.append("| `")
                        .append(path)
                        .append("` | ")
                        .append(typeName(shape))
                        .append(" | ")
                        .append(shape.kind() == ValueShape.Kind.OBJECT ? "" : defaultText(defaults.at(pointer(path))))
                        .append(" | ")
                        .append(ValueShape.description(path).replace("|", "\\|"))
                        .append(" |\n"));
        text.append("\n## Tuned settings that are not keys\n\n")
                .append(
                        "galera.cnf sets these on every Galera member (replicas 2 or more; bind-address, max_connections and ")
                .append(
                        "the buffer pool on a standalone server too); `galera.extraCnf` lines come last and win, so each can ")
                .append("be put back. ")
                .append("Measurements: docs/performance.md.\n\n")
                .append("| Setting | Value | Why | Trade-off |\n| --- | --- | --- | --- |\n")
                .append(
                        "| `bind-address` | `*` | every address family: IPv4, IPv6-only and dual-stack pods (`0.0.0.0` ")
                .append(
                        "leaves an IPv6-only pod unreachable) | none: MariaDB listens on IPv6 only where the kernel has it |\n")
                .append("| `max_connections` | `")
                .append(Defaults.MAX_CONNECTIONS)
                .append("` | MariaDB's default, ")
                .append("written out because the memory budget counts on it | raising it without raising the memory ")
                .append("limit lets a burst of connections take what the buffer pool was given: lower the buffer pool ")
                .append("with it |\n")
                .append("| `innodb_buffer_pool_size` | derived | see Memory budget | see Memory budget |\n")
                .append("| `gmcast.listen_addr` | `tcp://[::]:4567` | Galera's default, `tcp://0.0.0.0`, refuses IPv6 ")
                .append("peers; `[::]` takes both families (also with IPv6 turned off by sysctl) | fails only on a ")
                .append("kernel booted with `ipv6.disable=1` |\n")
                .append("| `innodb_flush_log_at_trx_commit` | `")
                .append(Defaults.FLUSH_LOG_AT_TRX_COMMIT)
                .append("` | No acknowledged commit is lost when every member loses power at once (pod lab, ")
                .append(
                        "docs/recovery.md) | Throughput: every commit waits for one fsync (cost in docs/performance.md). ")
                .append("`galera.extraCnf: [\"innodb_flush_log_at_trx_commit=2\"]` flushes once a second instead: ")
                .append(
                        "faster, and a killed mariadbd or one node's power loss still loses nothing (the other members ")
                .append("hold every commit), but a power loss of every member at once loses the last second of ")
                .append("acknowledged commits on all of them. Reasonable only where members never lose power together ")
                .append("(each in its own zone or power domain). Memory: none. |\n");
        memoryBudget(text);
        upgrades(text);
        return text.append(limits()).toString();
    }

    /** The bounds every input is checked against first (model.Limits, the values file's reader). */
    private static String limits() {
        StringBuilder text = new StringBuilder("\n## Limits\n\n")
                .append("Every input is checked against these bounds before anything else looks at it, and a value ")
                .append("past one is refused with a message naming the key, the value (cut after 60 characters) and ")
                .append("the limit. Each comes from the system that reads the value; where that system has none, ")
                .append("the bound is far above any real use.\n\n| What | At most | Why |\n| --- | --- | --- |\n");
        row(
                text,
                "A values file",
                String.format(Locale.ROOT, "%,d bytes", ValuesText.MAX_BYTES),
                "every key at its limit fits in less; UTF-8, or UTF-16/32 as YAML allows");
        row(
                text,
                "A line of a values file",
                String.format(Locale.ROOT, "%,d characters", ValuesText.MAX_LINE),
                "one annotation of 256 KiB with its key; YAML readers slow down with the square of a long scalar");
        row(
                text,
                "Nesting of mappings and lists",
                ValuesReader.MAX_DEPTH + " levels",
                "the deepest key, `" + ValueShape.ROOT.deepestKey() + "`");
        row(text, "A key", ValuesReader.MAX_KEY + " characters", "the longest label or annotation key");
        row(text, "`name`", "40 characters", "room for the suffixes of pods, Services and revision hashes");
        row(
                text,
                "Namespaces, label names and values, zones",
                Limits.DNS_LABEL + " characters",
                "Kubernetes: a DNS-1123 label, a label value");
        row(
                text,
                "Secret, StorageClass and PriorityClass names, `clusterDomain`, label key prefixes",
                Limits.DNS_SUBDOMAIN + " characters",
                "Kubernetes: a DNS-1123 subdomain");
        row(
                text,
                "`annotations`",
                String.format(Locale.ROOT, "%,d bytes of keys and values", Limits.ANNOTATIONS_BYTES),
                "Kubernetes: 256 KiB per object, less galera-gen's own pod annotation");
        row(text, "Images", Limits.IMAGE + " characters", "a 255-character repository, a tag and a digest");
        row(
                text,
                "A `galera.extraCnf` line",
                Limits.CNF_LINE + " characters",
                "MariaDB reads option file lines into a 4,096-byte buffer");
        row(
                text,
                "`galera.providerOptions`, joined",
                Limits.PROVIDER_OPTIONS + " characters",
                "the one wsrep_provider_options line they share with galera-gen's own options");
        row(
                text,
                "Labels, node selector, monitoring and client labels; annotations",
                Limits.LABELS + " entries each",
                "far beyond any use");
        row(
                text,
                "`topology.zones`, `topology.tolerations`, `galera.extraCnf`",
                Limits.ZONES + " entries each",
                "regions have three to six zones");
        row(
                text,
                "`galera.providerOptions`",
                Limits.PROVIDER_OPTION_ENTRIES + " entries",
                "Galera 4 has fewer options");
        row(text, "`topology.nodeCount`", String.valueOf(Limits.NODES), "Kubernetes' largest supported cluster");
        row(text, "`storage.size`", "1Pi", "a full SST of 1Pi at 10 Gbit/s takes ten days");
        row(text, "Memory requests and limits", "64Ti", "the largest servers have 32 TiB");
        row(
                text,
                "CPU requests and limits",
                "4096 (and 0 or at least 1m)",
                "the largest nodes have under 2,000 CPUs; " + "Kubernetes rounds smaller quantities up to 1m");
        return text.toString();
    }

    private static void row(StringBuilder text, String what, String limit, String why) {
        text.append("| ")
                .append(what)
                .append(" | ")
                .append(limit)
                .append(" | ")
                .append(why)
                .append(" |\n");
    }

    /** The memory budget's formula and worked examples, computed by the model itself. */
    private static void memoryBudget(StringBuilder text) {
        text.append("\n## Memory budget\n\n")
                .append("A member's memory limit (`resources.memoryLimit`, else `memoryRequest`) must hold the ")
                .append("InnoDB buffer pool, the gcache and the connections together: a container over its limit is ")
                .append(
                        "OOM-killed, and a killed member rejoins by IST or SST. galera-gen shares the limit out, in MiB:\n\n")
                .append("```\nbudget      = limit - ")
                .append(Defaults.FIXED_MEMORY_MIB)
                .append(" fixed - ")
                .append(Defaults.MAX_CONNECTIONS)
                .append(" connections x ")
                .append(Defaults.CONNECTION_MEMORY_MIB)
                .append("\ngcache      = storage.size / ")
                .append(Defaults.GCACHE_STORAGE_DIVISOR)
                .append(", at most budget / ")
                .append(Defaults.GCACHE_BUDGET_DIVISOR)
                .append(", rounded down to ")
                .append(Defaults.GCACHE_GRANULE_MIB)
                .append("M, from ")
                .append(Defaults.MIN_GCACHE_MIB)
                .append("M to ")
                .append(Defaults.MAX_GCACHE_MIB)
                .append("M   (galera.gcacheSize replaces it)\nbuffer pool = budget - gcache, rounded down to ")
                .append(Defaults.BUFFER_POOL_CHUNK_MIB)
                .append("M, at least ")
                .append(Defaults.MIN_BUFFER_POOL_MIB)
                .append("M\n```\n\n")
                .append("- **fixed** (")
                .append(Defaults.FIXED_MEMORY_MIB)
                .append("M): mariadbd and the Galera ")
                .append("provider, the Aria page cache (128M, internal temporary tables), the redo log buffer, and ")
                .append("the processes beside mariadbd in the container (mariabackup on a donor, the probes).\n")
                .append("- **connections** (")
                .append(Defaults.CONNECTION_MEMORY_MIB)
                .append("M each): sort, join, ")
                .append(
                        "read and read_rnd buffers, thread stack and network buffers at MariaDB's defaults, as if every ")
                .append("connection sorted at once. In-memory temporary tables (up to tmp_table_size, 16M, each) are ")
                .append("not counted: a workload of large GROUP BYs needs headroom of its own.\n")
                .append("- **gcache**: a memory-mapped file; its pages count against the limit. A larger gcache lets ")
                .append("a member stay away longer and still rejoin by IST instead of a full SST, and leaves less ")
                .append("for the buffer pool: a quarter of the budget at most.\n")
                .append("- **buffer pool**: the rest. The larger it is, the less InnoDB reads from disk; it is the ")
                .append("setting that matters most for read performance, so it gets what is left.\n\n")
                .append("With no limit and no request, MariaDB's defaults stay (buffer pool 128M). A limit below ")
                .append("the budget's minimum renders with a warning. To choose differently, set `galera.gcacheSize`, ")
                .append("and put `innodb_buffer_pool_size=...` or `max_connections=...` in `galera.extraCnf` (they ")
                .append("come last and win).\n\n")
                .append("| memory limit | storage.size | gcache | buffer pool | share of the limit |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (String[] example :
                new String[][] {{"1Gi", "10Gi"}, {"2Gi", "20Gi"}, {"4Gi", "50Gi"}, {"8Gi", "100Gi"}, {"32Gi", "500Gi"}
                }) {
            MemoryBudget budget = GaleraCluster.builder()
                    .resources(new Resources("1", example[0], null, example[0]))
                    .storage(Defaults.STORAGE.withSize(example[1]))
                    .build()
                    .memoryBudget();
            text.append("| ")
                    .append(example[0])
                    .append(" | ")
                    .append(example[1])
                    .append(" | ")
                    .append(budget.gcacheSize())
                    .append(" | ")
                    .append(budget.bufferPoolSize())
                    .append(" | ")
                    .append(100 * budget.bufferPoolMiB() / budget.limitMiB())
                    .append("% |\n");
        }
    }

    /** How to move the image to a newer LTS series. */
    private static void upgrades(StringBuilder text) {
        text.append("\n## Moving to MariaDB 11.4 or 11.8\n\n")
                .append("The default image is `")
                .append(Defaults.MARIADB_IMAGE)
                .append("`, the newest 10.11 LTS ")
                .append("release of the official image, and the series every test here runs. Moving a cluster to 11.4 ")
                .append(
                        "or 11.8 LTS is a major upgrade, done one member at a time by the StatefulSet's rolling update ")
                .append("once `images.mariadb` (and `arbitrator.image`) change. What changes:\n\n")
                .append("- **Upgrade path**: a rolling upgrade mixes versions while it runs; MariaDB documents it ")
                .append("from 10.11 to 11.4 for Galera clusters, so reach 11.8 through 11.4 unless its release notes ")
                .append("say otherwise. Back up first; a member that has run 11.x on its datadir never goes back.\n")
                .append("- **Upgrade of the system tables**: the image's entrypoint runs `mariadb-upgrade` only with ")
                .append("`MARIADB_AUTO_UPGRADE=1`; 11.x records the version in `mariadb_upgrade_info` instead of ")
                .append("`mysql_upgrade_info`. Run `mariadb-upgrade` on each member after its restart, or add the ")
                .append("variable through a customizer.\n")
                .append("- **SST account**: mariabackup's privileges are RELOAD, PROCESS, LOCK TABLES and BINLOG ")
                .append("MONITOR on 10.11 (what `init-users.sh` grants); check mariabackup's documentation for the ")
                .append("target release and `GRANT` what it adds before the roll, since accounts replicate.\n")
                .append("- **TLS by default**: from 11.4 the server generates a certificate and clients verify it; ")
                .append("the probes and SST use the local socket and are not affected, the exporter connects to ")
                .append(
                        "127.0.0.1 without TLS, which the server still accepts unless `require_secure_transport` is set.\n")
                .append("- **Names**: the `mysql*` program names are deprecated in favour of `mariadb*`; galera-gen's ")
                .append("scripts call the `mariadb*` names.\n")
                .append("- **Exporter**: `images.exporter` v0.15 and later read the same my.cnf; the one galera-gen ")
                .append("writes is read alike by v0.17.2 and v0.18+.\n");
    }

    private static String typeName(ValueShape shape) {
        return switch (shape.kind()) {
            case OBJECT -> "group";
            case STRING -> "string";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case ENUM ->
                "one of "
                        + shape.enumValues().stream()
                                .map(value -> "`" + value + "`")
                                .collect(Collectors.joining(", "));
            case STRING_LIST -> "list of strings";
            case STRING_MAP -> "map of strings";
        };
    }

    private static String defaultText(JsonNode value) {
        if (value.isNull()) {
            return "not set";
        } else if (value.isArray()) {
            return "`["
                    + StreamSupport.stream(value.spliterator(), false)
                            .map(JsonNode::asText)
                            .collect(Collectors.joining(", "))
                    + "]`";
        } else if (value.isObject()) {
            return value.isEmpty() ? "`{}`" : "`" + value + "`";
        }
        return "`" + value.asText() + "`";
    }

    private static String pointer(String path) {
        return "/" + path.replace('.', '/');
    }
}
