package io.galeragen.core.podlab;

import java.time.Duration;

/** The node agent: runs the pods the controllers create and stops the ones they delete. */
final class Kubelet {

    private final LabContext lab;

    Kubelet(LabContext lab) {
        this.lab = lab;
    }

    /** A new pod bound to the node: its worker starts it. */
    void run(Pod pod) {
        PodWorker worker = new PodWorker(pod, lab);
        pod.worker(worker);
        worker.start();
    }

    /** Deletion with the pod's own grace period (terminationGracePeriodSeconds), in the background as in the API. */
    void delete(Pod pod) {
        PodWorker worker = pod.worker();
        pod.terminating(true);
        Thread deleter = new Thread(() -> worker.terminate(worker.gracePeriod()), "delete-" + pod.name());
        deleter.setDaemon(true);
        deleter.start();
    }

    /** Deletion with an explicit grace period; returns once the pod is gone. */
    void deleteAndWait(Pod pod, Duration grace) {
        pod.worker().terminate(grace);
    }
}
