package io.galeragen.core.podlab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** What the lab's kubelet and controllers share: names, the network, DNS, images, volumes and the API objects. */
record LabContext(
        LabId id,
        Path dir,
        PodNetwork network,
        ClusterDns dns,
        Images images,
        PersistentVolumes volumes,
        LabCluster cluster,
        CrashBackoff backoff,
        ScheduledExecutorService scheduler,
        AtomicLong sandboxes,
        Duration nodeMonitorGracePeriod) {

    Path bin() {
        return dir.resolve("bin");
    }

    Path podsDir() {
        return dir.resolve("pods");
    }

    String pauseMarker() {
        return id.pauseMarker();
    }

    Path runContainerScript() {
        return bin().resolve("run-container.sh");
    }

    Path containerExecScript() {
        return bin().resolve("container-exec.sh");
    }
}
