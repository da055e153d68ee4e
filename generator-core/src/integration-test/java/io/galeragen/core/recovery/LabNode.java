package io.galeragen.core.recovery;

import java.nio.file.Path;

/** One member of the loopback lab: a pod's name, its own 127.0.0.x address and its directories. */
record LabNode(int ordinal, Path dir) {

    String podName() {
        return GaleraLab.CLUSTER + "-" + ordinal;
    }

    /** Each pod gets its own loopback address with the standard ports, as pods have. */
    String address() {
        return "127.0.0." + (ordinal + 1);
    }

    Path dataDir() { return dir.resolve("data"); }
    Path confDir() { return dir.resolve("conf.d"); }
    Path markerDir() { return dir.resolve("markers"); }
    Path tmpDir() { return dir.resolve("tmp"); }
    Path myCnf() { return dir.resolve("my.cnf"); }
    Path overridesCnf() { return dir.resolve("harness-overrides.cnf"); }
    Path podLog() { return dir.resolve("pod.log"); }
    Path errorLog() { return dir.resolve("error.log"); }
    Path recoveryState() { return confDir().resolve("galera-recovery.state"); }
    Path grastate() { return dataDir().resolve("grastate.dat"); }
    Path gvwstate() { return dataDir().resolve("gvwstate.dat"); }
}
