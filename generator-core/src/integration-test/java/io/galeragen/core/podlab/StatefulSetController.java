package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSourceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The StatefulSet controller: pods {@code <name>-<ordinal>} with hostname and subdomain (the governing Service),
 * a claim per volumeClaimTemplate that outlives them. {@code podManagementPolicy}: OrderedReady creates one pod at a
 * time, each after its predecessors are Running and Ready, and deletes the highest first, one at a time; Parallel
 * creates and deletes all at once. {@code updateStrategy} RollingUpdate replaces pods whose revision is old, from the
 * highest ordinal down (to the partition), one at a time, waiting for the replaced pod to be Running and Ready.
 */
final class StatefulSetController {

    private final LabCluster cluster;
    private final Kubelet kubelet;
    private final PersistentVolumes volumes;

    StatefulSetController(LabCluster cluster, Kubelet kubelet, PersistentVolumes volumes) {
        this.cluster = cluster;
        this.kubelet = kubelet;
        this.volumes = volumes;
    }

    void reconcile(StatefulSet set) {
        String name = set.getMetadata().getName();
        String namespace = set.getMetadata().getNamespace();
        int replicas = Optional.ofNullable(set.getSpec().getReplicas()).orElse(1);
        boolean parallel = "Parallel".equals(set.getSpec().getPodManagementPolicy());
        String revision = PodTemplates.revision(set.getSpec().getTemplate());
        List<Pod> owned = cluster.pods().stream()
                .filter(p -> p.owner().equals("StatefulSet/" + name))
                .toList();

        Pod[] byOrdinal = new Pod[Math.max(replicas, 0)];
        List<Pod> condemned = new ArrayList<>();
        for (Pod pod : owned) {
            int ordinal = pod.ordinal().orElseThrow();
            if (ordinal < replicas) {
                byOrdinal[ordinal] = pod;
            } else {
                condemned.add(pod);
            }
        }
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            Pod pod = byOrdinal[ordinal];
            if (pod == null) {
                create(set, ordinal, revision);
                if (!parallel) {
                    return;
                }
            } else if (!parallel && !pod.healthy()) {
                return;
            }
        }
        condemned.sort(
                (a, b) -> Integer.compare(b.ordinal().orElseThrow(), a.ordinal().orElseThrow()));
        for (Pod pod : condemned) {
            if (!pod.terminating()) {
                kubelet.delete(pod);
            }
            if (!parallel) {
                return;
            }
        }
        if (!condemned.isEmpty()) {
            return;
        }
        rollingUpdate(set, byOrdinal, revision);
    }

    private void rollingUpdate(StatefulSet set, Pod[] pods, String revision) {
        if (set.getSpec().getUpdateStrategy() != null
                && "OnDelete".equals(set.getSpec().getUpdateStrategy().getType())) {
            return;
        }
        int partition = Optional.ofNullable(set.getSpec().getUpdateStrategy())
                .map(s -> s.getRollingUpdate())
                .map(r -> r.getPartition())
                .orElse(0);
        for (int target = pods.length - 1; target >= partition; target--) {
            Pod pod = pods[target];
            if (pod == null) {
                return;
            }
            if (!pod.revision().equals(revision) && !pod.terminating()) {
                kubelet.delete(pod);
                return;
            }
            if (!pod.healthy()) {
                return;
            }
        }
    }

    private void create(StatefulSet set, int ordinal, String revision) {
        String setName = set.getMetadata().getName();
        String name = setName + "-" + ordinal;
        PodSpec spec = PodTemplates.copy(set.getSpec().getTemplate().getSpec());
        spec.setHostname(name);
        spec.setSubdomain(set.getSpec().getServiceName());
        for (PersistentVolumeClaim template : set.getSpec().getVolumeClaimTemplates()) {
            String claim = template.getMetadata().getName() + "-" + setName + "-" + ordinal;
            volumes.provision(claim);
            spec.getVolumes()
                    .add(new VolumeBuilder()
                            .withName(template.getMetadata().getName())
                            .withPersistentVolumeClaim(new PersistentVolumeClaimVolumeSourceBuilder()
                                    .withClaimName(claim)
                                    .build())
                            .build());
        }
        Pod pod = PodTemplates.pod(
                name,
                set.getMetadata().getNamespace(),
                "StatefulSet/" + setName,
                revision,
                set.getSpec().getTemplate(),
                spec,
                Map.of(
                        "controller-revision-hash",
                        setName + "-" + revision,
                        "statefulset.kubernetes.io/pod-name",
                        name,
                        "apps.kubernetes.io/pod-index",
                        Integer.toString(ordinal)));
        if (cluster.create(pod)) {
            kubelet.run(pod);
        }
    }
}
