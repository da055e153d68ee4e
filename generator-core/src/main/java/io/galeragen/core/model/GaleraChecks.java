package io.galeragen.core.model;

import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.Map;
import java.util.TreeMap;

/** The {@code galera} keys: replication settings rendered into galera.cnf. */
final class GaleraChecks {

    /** Digits and a unit: the largest Galera reads, 1048576G (a pebibyte), has 8. */
    private static final TextFormat GALERA_SIZE = TextFormat.of(
            16,
            "[1-9][0-9]*[KMG]?",
            "a Galera size such as 512M or 2G, or unset to derive it from storage.size and memory");

    private static final long MAX_GALERA_SIZE_MIB = Limits.MAX_STORAGE_BYTES.longValueExact() >> 20;
    private static final TextFormat CNF_LINE = TextFormat.of(
            Limits.CNF_LINE, "[A-Za-z][A-Za-z0-9_-]*(\\s*=\\s*[^\\n\\r]*)?", "one cnf line, 'key=value' or 'key'");
    private static final TextFormat PROVIDER_KEY =
            TextFormat.of(64, "[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+", "a provider option name such as evs.suspect_timeout");
    private static final TextFormat PROVIDER_VALUE =
            TextFormat.of(Limits.PROVIDER_OPTIONS, "[^;\"'\\n\\r]+", "a value without ';' or quotes");
    private static final TextFormat SST_USER =
            Formats.MARIADB_USER.limitedTo(32, "a MariaDB user name of letters, digits and '_' (at most 32)");

    private final Checks checks;

    GaleraChecks(Checks checks) {
        this.checks = checks;
    }

    void checkGalera(GaleraSettings galera) {
        if (!checks.notNull("galera", galera)) {
            return;
        }
        checks.notNull("galera.sstMethod", galera.sstMethod());
        checks.checkSecret("galera.sstCredentials", galera.sstCredentials());
        checks.matches("galera.sstUser", galera.sstUser(), SST_USER);
        if (galera.applierThreads() < 0 || galera.applierThreads() > 256) {
            checks.add(Problem.badValue(
                    Input.VALUES,
                    "galera.applierThreads",
                    galera.applierThreads(),
                    "a whole number from 1 to 256, or 0 to derive it from resources.cpuRequest"));
        }
        if (galera.gcacheSize() != null
                && checks.matches("galera.gcacheSize", galera.gcacheSize(), GALERA_SIZE)
                && MemoryBudget.galeraSizeMiB(galera.gcacheSize()) > MAX_GALERA_SIZE_MIB) {
            checks.add(Problem.badValue(
                    Input.VALUES,
                    "galera.gcacheSize",
                    galera.gcacheSize(),
                    "at most 1048576G (1Pi, the most storage.size can be)"));
        }
        checkProviderOptions(galera.providerOptions());
        if (checks.atMostItems("galera.extraCnf", galera.extraCnf().size(), Limits.EXTRA_CNF, "lines")) {
            for (int i = 0; i < galera.extraCnf().size(); i++) {
                checks.matches("galera.extraCnf[" + i + "]", galera.extraCnf().get(i), CNF_LINE);
            }
        }
    }

    void checkProviderOptions(Map<String, String> options) {
        String path = "galera.providerOptions";
        if (!checks.atMostItems(path, options.size(), Limits.PROVIDER_OPTION_ENTRIES, "options")) {
            return;
        }
        int joined = 0;
        for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
            String key = option.getKey();
            if (!PROVIDER_KEY.accepts(key)) {
                checks.add(Problem.badValue(
                        Input.VALUES,
                        path,
                        key,
                        key.length() > PROVIDER_KEY.maxLength() ? PROVIDER_KEY.tooLong() : PROVIDER_KEY.description()));
            } else if (key.equals("gcache.size")) {
                checks.add(new Problem(Input.VALUES, path + "." + key, "is set by galera.gcacheSize; set it there"));
            } else if (checks.matches(path + "." + key, option.getValue(), PROVIDER_VALUE)) {
                joined += key.length() + option.getValue().length() + 2;
            }
        }
        if (joined > Limits.PROVIDER_OPTIONS) {
            checks.add(new Problem(
                    Input.VALUES,
                    path,
                    joined + " characters of options (key=value;...) are not allowed: at most "
                            + Limits.PROVIDER_OPTIONS
                            + " (they share galera.cnf's wsrep_provider_options line, which MariaDB "
                            + "reads up to " + Limits.CNF_LINE + " characters, with galera-gen's own options)"));
        }
    }
}
