package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a probe, as the kubelet's prober runs it: exec runs the command in the container (its exit status
 * decides; past timeoutSeconds it fails), tcpSocket connects to the pod's address from the node (the lab's bridge
 * namespace). httpGet and grpc probes are not rendered by galera-gen and are an error here.
 */
final class Probes {

    private Probes() {}

    record Outcome(boolean success, String output) {}

    static Outcome run(Probe probe, Container container, RunningContainer running, String podIp, LabContext lab) {
        Duration timeout = Duration.ofSeconds(
                Optional.ofNullable(probe.getTimeoutSeconds()).orElse(1));
        if (probe.getExec() != null) {
            Shell.Result result = running.exec(probe.getExec().getCommand(), Map.of(), null, timeout);
            return new Outcome(result.ok(), result.output());
        }
        if (probe.getTcpSocket() != null) {
            int port = port(probe.getTcpSocket().getPort(), container);
            Shell.Result result = Shell.tryRun(
                    List.of(
                            "nsenter",
                            "--net=/run/netns/" + lab.id().networkNamespace(),
                            "bash",
                            "-c",
                            "exec 3<>/dev/tcp/" + podIp + "/" + port),
                    Map.of(),
                    null,
                    timeout);
            return new Outcome(result.ok(), result.output());
        }
        throw new EnvResolver.ConfigError(
                "container " + container.getName() + ": only exec and tcpSocket probes run in the lab");
    }

    /** A probe's port: a number, or the name of one of the container's ports. */
    static int port(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new EnvResolver.ConfigError(
                        "probe port " + port.getStrVal() + " names no port of " + container.getName()));
    }

    static Duration period(Probe probe) {
        return Duration.ofSeconds(Optional.ofNullable(probe.getPeriodSeconds()).orElse(10));
    }

    static Duration initialDelay(Probe probe) {
        return Duration.ofSeconds(
                Optional.ofNullable(probe.getInitialDelaySeconds()).orElse(0));
    }

    static int failureThreshold(Probe probe) {
        return Optional.ofNullable(probe.getFailureThreshold()).orElse(3);
    }

    static int successThreshold(Probe probe) {
        return Optional.ofNullable(probe.getSuccessThreshold()).orElse(1);
    }
}
