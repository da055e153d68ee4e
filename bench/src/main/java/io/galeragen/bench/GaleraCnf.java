package io.galeragen.bench;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.GaleraSettings;
import io.galeragen.core.model.Spelled;
import io.galeragen.core.model.SstMethod;
import io.galeragen.core.output.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the galera.cnf that galera-gen renders into the ConfigMap of a cluster (3 members by default), for the
 * throughput harness (bench/galera-throughput.sh). Everything else comes from the model's defaults; the options
 * exist for tuning experiments and go through the model, as a user's values would.
 *
 * <pre>
 * GaleraCnf [--replicas 3] [--sst rsync|mariabackup] [--applier-threads N] [--gcache-size 512M]
 *           [--provider-option key=value]... [--extra-cnf line]...
 * </pre>
 * SST defaults to rsync here: the harness has no SST user, and SST does not run during the measurement.
 */
public final class GaleraCnf {

    private GaleraCnf() {}

    public static void main(String[] args) {
        GaleraCluster.Builder builder = GaleraCluster.builder().name("bench").replicas(3);
        GaleraSettings galera = GaleraCluster.defaults().galera();
        SstMethod sst = SstMethod.RSYNC;
        int applierThreads = galera.applierThreads();
        String gcacheSize = galera.gcacheSize();
        Map<String, String> providerOptions = new LinkedHashMap<>(galera.providerOptions());
        List<String> extraCnf = new ArrayList<>(galera.extraCnf());
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--replicas" -> builder.replicas(Integer.parseInt(value));
                case "--sst" ->
                    sst = Spelled.fromValue(SstMethod.class, value)
                            .orElseThrow(() -> new IllegalArgumentException("--sst: rsync or mariabackup"));
                case "--applier-threads" -> applierThreads = Integer.parseInt(value);
                case "--gcache-size" -> gcacheSize = value;
                case "--provider-option" -> {
                    String[] pair = value.split("=", 2);
                    providerOptions.put(pair[0], pair[1]);
                }
                case "--extra-cnf" -> extraCnf.add(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        GaleraCluster cluster = builder.build();
        cluster = cluster.toBuilder()
                .galera(new GaleraSettings(
                        sst,
                        galera.sstCredentials(),
                        galera.sstUser(),
                        applierThreads,
                        gcacheSize,
                        providerOptions,
                        extraCnf))
                .build();
        Manifest configMap = GaleraGenerator.builder().build().render(cluster).manifests().stream()
                .filter(manifest -> manifest.kind().equals("ConfigMap"))
                .findFirst()
                .orElseThrow();
        System.out.print(((ConfigMap) configMap.resource()).getData().get("galera.cnf"));
    }
}
