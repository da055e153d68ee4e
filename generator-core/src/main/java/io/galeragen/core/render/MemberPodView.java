package io.galeragen.core.render;

import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.Resources;
import java.util.List;
import java.util.Map;

/**
 * What the StatefulSet's pod needs beyond the model: its credential files, the exporter sidecar's resources, the
 * startup probe's bound and the checkov waivers.
 *
 * @param credentials             the Secret keys of the credentials volume
 * @param credentialsDir          where that volume is mounted
 * @param exporterSecretFile      the exporter's my.cnf as mounted from its Secret (what exporter-config reads)
 * @param sidecarResources        the exporter's and exporter-config's resources
 * @param startupPeriodSeconds    the startup probe's period
 * @param startupFailureThreshold its failures allowed ({@link Defaults#startupFailureThreshold})
 * @param startupBound            that bound in words, for the manifest's comment
 * @param waivers                 checkov annotations ({@link CheckovWaivers})
 */
public record MemberPodView(
        List<CredentialFile> credentials,
        String credentialsDir,
        String exporterSecretFile,
        Resources sidecarResources,
        int startupPeriodSeconds,
        int startupFailureThreshold,
        String startupBound,
        Map<String, String> waivers) {

    static MemberPodView of(GaleraCluster cluster, PodEnv env) {
        int threshold = Defaults.startupFailureThreshold(cluster.storage());
        long hours = (long) threshold * Defaults.STARTUP_PROBE_PERIOD_SECONDS / 3600;
        String bound = "Up to " + hours + " hours for a first SST: at least 6, or storage.size at 10 MiB/s.";
        return new MemberPodView(
                env.credentials(),
                CredentialFile.DIR,
                PodEnv.exporterCredential(cluster).path(),
                Defaults.SIDECAR_RESOURCES,
                Defaults.STARTUP_PROBE_PERIOD_SECONDS,
                threshold,
                bound,
                CheckovWaivers.members(cluster));
    }
}
