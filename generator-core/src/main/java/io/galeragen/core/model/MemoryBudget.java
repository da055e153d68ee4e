package io.galeragen.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a member's memory limit is shared out (MiB), so that the InnoDB buffer pool, the gcache and the connections fit
 * it together:
 * <pre>
 *   budget      = limit - fixed - max_connections x per-connection
 *   gcache      = 1/20 of storage.size, at most budget/4, rounded down to 64M, 128M to 8G   (unless galera.gcacheSize)
 *   buffer pool = budget - gcache, rounded down to 128M, at least 128M
 * </pre>
 * The limit is {@code resources.memoryLimit}, else {@code memoryRequest}; with neither there is nothing to go by and
 * the buffer pool keeps MariaDB's 128M. A standalone server ({@code replicas: 1}) has no gcache. See
 * {@link Defaults#FIXED_MEMORY_MIB} and {@link Defaults#CONNECTION_MEMORY_MIB} for what the constants cover.
 *
 * @param limitMiB       the memory the member may use, or {@code null} when resources give none
 * @param fixedMiB       the server's own allocations, independent of the data
 * @param connectionsMiB {@link Defaults#MAX_CONNECTIONS} connections with their per-session buffers
 * @param gcacheMiB      gcache.size (0 for a standalone server)
 * @param bufferPoolMiB  innodb_buffer_pool_size
 */
public record MemoryBudget(Long limitMiB, long fixedMiB, long connectionsMiB, long gcacheMiB, long bufferPoolMiB) {

    private static final BigDecimal MIB = BigDecimal.valueOf(1L << 20);

    static MemoryBudget of(Storage storage, Resources resources, boolean wsrep, String gcacheSize) {
        Long limit = limitMiB(resources);
        long connections = (long) Defaults.MAX_CONNECTIONS * Defaults.CONNECTION_MEMORY_MIB;
        long budget = limit == null ? 0 : limit - Defaults.FIXED_MEMORY_MIB - connections;
        long gcache =
                !wsrep ? 0 : gcacheSize != null ? galeraSizeMiB(gcacheSize) : derivedGcacheMiB(storage, limit, budget);
        long bufferPool = limit == null
                ? Defaults.MIN_BUFFER_POOL_MIB
                : Math.max(Defaults.MIN_BUFFER_POOL_MIB, roundDown(budget - gcache, Defaults.BUFFER_POOL_CHUNK_MIB));
        return new MemoryBudget(limit, Defaults.FIXED_MEMORY_MIB, connections, gcache, bufferPool);
    }

    /** Whether everything fits the limit; {@code true} when there is no limit to fit. */
    public boolean fits() {
        return limitMiB == null || total() <= limitMiB;
    }

    /** What the budget adds up to. */
    public long total() {
        return fixedMiB + connectionsMiB + gcacheMiB + bufferPoolMiB;
    }

    /** The budget in one line, for galera.cnf's comment. */
    public String describe() {
        if (limitMiB == null) {
            return "No memory limit or request: MariaDB's default buffer pool.";
        }
        return "Memory limit " + limitMiB + "M: " + fixedMiB + "M fixed + " + Defaults.MAX_CONNECTIONS
                + " connections x " + Defaults.CONNECTION_MEMORY_MIB + "M"
                + (gcacheMiB > 0 ? " + gcache " + gcacheSize() : "") + " + buffer pool " + bufferPoolSize()
                + (fits() ? "" : ": over the limit") + " (docs/values-reference.md).";
    }

    /** gcache.size as rendered: whole gigabytes as {@code G}, else {@code M}. */
    public String gcacheSize() {
        return sizeText(gcacheMiB);
    }

    /** innodb_buffer_pool_size as rendered. */
    public String bufferPoolSize() {
        return sizeText(bufferPoolMiB);
    }

    private static String sizeText(long mib) {
        return mib % 1024 == 0 ? mib / 1024 + "G" : mib + "M";
    }

    private static Long limitMiB(Resources resources) {
        if (resources == null) {
            return null;
        }
        BigDecimal bytes =
                Quantities.parse(resources.memoryLimit() != null ? resources.memoryLimit() : resources.memoryRequest());
        return bytes == null ? null : mebibytes(bytes);
    }

    /** Whole MiB of a byte count, at most {@link Long#MAX_VALUE} however large the count (longValue() would wrap). */
    private static long mebibytes(BigDecimal bytes) {
        return bytes.divideToIntegralValue(MIB)
                .min(BigDecimal.valueOf(Long.MAX_VALUE))
                .max(BigDecimal.ZERO)
                .longValue();
    }

    private static long derivedGcacheMiB(Storage storage, Long limit, long budget) {
        BigDecimal storageBytes = storage == null ? null : Quantities.parse(storage.size());
        long size = storageBytes == null
                ? Defaults.MIN_GCACHE_MIB
                : mebibytes(storageBytes) / Defaults.GCACHE_STORAGE_DIVISOR;
        if (limit != null) {
            size = Math.min(size, budget / Defaults.GCACHE_BUDGET_DIVISOR);
        }
        size = roundDown(size, Defaults.GCACHE_GRANULE_MIB);
        return Math.max(Defaults.MIN_GCACHE_MIB, Math.min(Defaults.MAX_GCACHE_MIB, size));
    }

    /** A Galera size ({@code 512M}, {@code 2G}, {@code 1024K}, bytes) in MiB, rounded up. */
    static long galeraSizeMiB(String size) {
        char unit = size.charAt(size.length() - 1);
        int shift = switch (unit) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? size : size.substring(0, size.length() - 1);
        BigDecimal bytes = new BigDecimal(digits).multiply(BigDecimal.valueOf(1L << shift));
        return bytes.divide(MIB, 0, RoundingMode.CEILING).longValue();
    }

    private static long roundDown(long mib, long granule) {
        return Math.max(0, mib) / granule * granule;
    }
}
