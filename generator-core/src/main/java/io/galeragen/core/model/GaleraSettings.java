package io.galeragen.core.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Galera replication settings rendered into galera.cnf.
 *
 * @param sstMethod        how a joiner gets a full copy (wsrep_sst_method)
 * @param sstCredentials   the Secret key with the SST user's password (user {@code sstUser}); used by mariabackup
 * @param sstUser          the SST user's name
 * @param applierThreads   wsrep_slave_threads: parallel appliers of replicated writesets; {@code 0} derives it
 *                         from the CPU request ({@link Defaults#applierThreadsFor})
 * @param gcacheSize       gcache.size: how much history a node keeps, which decides IST vs full SST on rejoin;
 *                         {@code null} derives it from storage and memory ({@link MemoryBudget})
 * @param providerOptions  extra wsrep_provider_options, key to value (sorted when rendered)
 * @param extraCnf         extra lines for the {@code [mysqld]} section, each {@code key=value} or {@code key}
 */
public record GaleraSettings(
        SstMethod sstMethod,
        SecretRef sstCredentials,
        String sstUser,
        int applierThreads,
        String gcacheSize,
        Map<String, String> providerOptions,
        List<String> extraCnf) {

    public GaleraSettings {
        providerOptions = Map.copyOf(providerOptions);
        extraCnf = List.copyOf(extraCnf);
    }

    /** Provider options in a stable order, for rendering. */
    public Map<String, String> sortedProviderOptions() {
        return new TreeMap<>(providerOptions);
    }
}
