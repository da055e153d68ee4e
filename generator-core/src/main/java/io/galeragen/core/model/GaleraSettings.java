package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Galera replication settings rendered into galera.cnf.
 */
public record GaleraSettings(
        @JsonPropertyDescription("How a joiner gets a full copy (wsrep_sst_method): mariabackup does not block the "
                + "donor, rsync does.")
        SstMethod sstMethod,

        @JsonPropertyDescription("The Secret key holding the SST user's password (used by mariabackup).")
        SecretRef sstCredentials,

        @JsonPropertyDescription("The SST user's name.") String sstUser,

        @JsonPropertyDescription("wsrep_slave_threads: parallel appliers of replicated writesets (1 to 256); 0 "
                + "derives 2 per requested CPU core (at least 1, at most 32). Trade-off: more appliers keep a busy "
                + "member from falling behind (flow control), each costs a thread and its buffers; with "
                + "innodb_flush_log_at_trx_commit=2 one applier kept up in every benchmark run (docs/performance.md).")
        int applierThreads,

        @JsonPropertyDescription("gcache.size: history a member keeps, which decides IST or full SST on rejoin "
                + "(e.g. 512M, 2G); unset derives it from storage and memory (see 'Memory budget' below). Trade-off: "
                + "a file of this size in the datadir, memory-mapped (its pages count against the pod's memory); "
                + "larger lets a member stay away longer and still rejoin by IST, and leaves less for the buffer "
                + "pool.")
        String gcacheSize,

        @JsonPropertyDescription(
                "Extra wsrep_provider_options, option name to value (gcache.size is set by " + "galera.gcacheSize).")
        Map<String, String> providerOptions,

        @JsonPropertyDescription("Extra lines for the [mysqld] section, each key=value or key.")
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
