package io.galeragen.core.podlab;

import java.time.Duration;

/** Runs the controllers in a loop, as kube-controller-manager does on every watch event: a pass every 250 ms. */
final class ControllerManager implements AutoCloseable {

    private static final Duration PASS = Duration.ofMillis(250);

    private final LabCluster cluster;
    private final StatefulSetController statefulSets;
    private final DeploymentController deployments;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paused;

    ControllerManager(LabCluster cluster, StatefulSetController statefulSets, DeploymentController deployments) {
        this.cluster = cluster;
        this.statefulSets = statefulSets;
        this.deployments = deployments;
        this.thread = new Thread(this::loop, "controller-manager");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** While paused no controller acts (e.g. while a scenario replaces a claim's volume during a full outage). */
    void paused(boolean value) {
        paused = value;
    }

    private void loop() {
        while (running) {
            if (!paused) {
                try {
                    cluster.statefulSets().forEach(statefulSets::reconcile);
                    cluster.deployments().forEach(deployments::reconcile);
                } catch (RuntimeException e) {
                    System.err.println("[podlab] controller pass failed: " + e);
                }
            }
            try {
                Thread.sleep(PASS.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
