package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Deployment controller (with its ReplicaSet), for the arbitrator: pods {@code <name>-<revision>-<random>}.
 * Strategy Recreate: on a new revision every old pod is deleted, and new pods are created only once none is left.
 * RollingUpdate: a new pod first, the old ones deleted once it is ready.
 */
final class DeploymentController {

    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final LabCluster cluster;
    private final Kubelet kubelet;

    DeploymentController(LabCluster cluster, Kubelet kubelet) {
        this.cluster = cluster;
        this.kubelet = kubelet;
    }

    void reconcile(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        int replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        String revision = PodTemplates.revision(deployment.getSpec().getTemplate());
        boolean recreate = deployment.getSpec().getStrategy() != null
                && "Recreate".equals(deployment.getSpec().getStrategy().getType());
        List<Pod> owned = cluster.pods().stream()
                .filter(p -> p.owner().equals("Deployment/" + name))
                .toList();
        List<Pod> old =
                owned.stream().filter(p -> !p.revision().equals(revision)).toList();
        List<Pod> current = owned.stream()
                .filter(p -> p.revision().equals(revision) && !p.terminating())
                .toList();

        if (recreate && !old.isEmpty()) {
            old.stream().filter(p -> !p.terminating()).forEach(kubelet::delete);
            return;
        }
        for (int i = current.size(); i < replicas; i++) {
            create(deployment, revision);
        }
        current.stream().skip(replicas).forEach(kubelet::delete);
        if (!recreate && current.stream().filter(Pod::healthy).count() >= replicas) {
            old.stream().filter(p -> !p.terminating()).forEach(kubelet::delete);
        }
    }

    private void create(Deployment deployment, String revision) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        String name = deployment.getMetadata().getName() + "-" + revision + "-" + suffix;
        Pod pod = PodTemplates.pod(
                name,
                deployment.getMetadata().getNamespace(),
                "Deployment/" + deployment.getMetadata().getName(),
                revision,
                deployment.getSpec().getTemplate(),
                PodTemplates.copy(deployment.getSpec().getTemplate().getSpec()),
                Map.of("pod-template-hash", revision));
        if (cluster.create(pod)) {
            kubelet.run(pod);
        }
    }
}
