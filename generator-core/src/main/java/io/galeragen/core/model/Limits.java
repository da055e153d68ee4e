package io.galeragen.core.model;

import java.math.BigDecimal;

/**
 * The bounds every input is checked against before anything else looks at it, each taken from the system that
 * will read the value (Kubernetes, MariaDB, Galera) or, where that system sets none, far above any real use and
 * small enough that every check, render and message stays instant. docs/values-reference.md lists them.
 */
public final class Limits {

    /** Kubernetes: a DNS-1123 label (namespaces, label names, CSI driver names). */
    public static final int DNS_LABEL = 63;
    /** Kubernetes: a DNS-1123 subdomain (Secret, StorageClass and PriorityClass names, label key prefixes). */
    public static final int DNS_SUBDOMAIN = 253;
    /** Kubernetes: a label or annotation key, {@code prefix/name}. */
    public static final int LABEL_KEY = DNS_SUBDOMAIN + 1 + DNS_LABEL;
    /** Kubernetes: a label value. */
    public static final int LABEL_VALUE = 63;
    /** Kubernetes: all annotations of one object, keys and values in UTF-8 bytes. */
    public static final int ANNOTATIONS_PER_OBJECT_BYTES = 256 * 1024;
    /** Room left for galera-gen's own pod annotation ({@code galera-gen.io/config-hash}). */
    public static final int RESERVED_ANNOTATION_BYTES = 64;
    /** What the user's annotations may take: they are copied onto every object, and the pod template's has ours. */
    public static final int ANNOTATIONS_BYTES = ANNOTATIONS_PER_OBJECT_BYTES - RESERVED_ANNOTATION_BYTES;
    /**
     * distribution/reference: a repository name of 255 characters, a tag of 128 and a sha256 digest. Longer
     * references are refused by every registry client.
     */
    public static final int IMAGE = 255 + 1 + 128 + 1 + "sha256:".length() + 64;
    /**
     * MariaDB reads an option file line with {@code fgets} into a 4,096-byte buffer (mysys/my_default.c): a longer
     * line is cut, and its rest is read as another option. 4,093 characters and the line feed fit.
     */
    public static final int CNF_LINE = 4093;
    /**
     * {@code galera.providerOptions} joined ({@code key=value;...}): they share the one
     * {@code wsrep_provider_options="..."} line of galera.cnf with galera-gen's own options (gcache.size,
     * pc.recovery, the TLS paths), which keep the rest of {@link #CNF_LINE}.
     */
    public static final int PROVIDER_OPTIONS = 3000;

    /** Extra labels (and node selector, monitoring and client labels): no Kubernetes limit, far beyond any use. */
    public static final int LABELS = 128;
    /** Extra annotations; their size is bounded by {@link #ANNOTATIONS_BYTES} too. */
    public static final int ANNOTATIONS = 128;
    /** Zones: cloud regions have three to six; racks used as zones rarely more than a few dozen. */
    public static final int ZONES = 64;
    /** Tolerations of the pods. */
    public static final int TOLERATIONS = 64;
    /** Extra galera.cnf lines. */
    public static final int EXTRA_CNF = 64;
    /** Extra provider options: Galera 4 has fewer than a hundred. */
    public static final int PROVIDER_OPTION_ENTRIES = 100;
    /** The four PVC access modes. */
    public static final int ACCESS_MODES = 4;
    /** Kubernetes' largest supported cluster (the scalability limits of kubernetes.io). */
    public static final int NODES = 5000;

    /** Storage of one member: a full SST of a pebibyte at 10 Gbit/s takes ten days; no member holds more. */
    public static final BigDecimal MAX_STORAGE_BYTES = BigDecimal.valueOf(1L << 50);
    /** Memory of one container: the largest servers have 32 TiB. */
    public static final BigDecimal MAX_MEMORY_BYTES = BigDecimal.valueOf(64L << 40);
    /** CPU of one container: the largest nodes have under 2,000 logical CPUs. */
    public static final BigDecimal MAX_CPU_CORES = BigDecimal.valueOf(4096);
    /** Kubernetes keeps three decimal places and rounds a smaller non-zero quantity up to 1m. */
    public static final BigDecimal MIN_QUANTITY = new BigDecimal("0.001");

    private Limits() {}

    /** The UTF-8 size of a text, as Kubernetes counts annotations and as values files are bounded. */
    public static long utf8Bytes(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
