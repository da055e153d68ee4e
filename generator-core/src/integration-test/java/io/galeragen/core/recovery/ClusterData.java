package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The rows of lab.acked as each node holds them, and the checks every scenario ends with. */
record ClusterData(List<NodeRows> nodes) {

    /** Reads wait until this node has applied everything committed before them. */
    private static final String CAUSAL = "SET SESSION wsrep_sync_wait = 1; ";

    record NodeRows(String pod, Set<Long> ids, String checksum) {}

    static ClusterData read(GaleraLab lab) {
        return new ClusterData(lab.nodes().stream().map(node -> new NodeRows(
                node.podName(),
                lab.sql(node, CAUSAL + "SELECT id FROM lab.acked").lines().map(Long::parseLong).collect(Collectors.toSet()),
                lab.sql(node, CAUSAL + "CHECKSUM TABLE lab.acked").split("\t")[1])).toList());
    }

    /** Every acknowledged row is on every node, every node holds the same rows, checksums agree. */
    void assertNoAcknowledgedRowLost(String scenario, Set<Long> acknowledged) {
        report(scenario, acknowledged);
        for (NodeRows node : nodes) {
            Set<Long> missing = new HashSet<>(acknowledged);
            missing.removeAll(node.ids());
            assertThat(missing).as("acknowledged rows missing on %s", node.pod()).isEmpty();
        }
        NodeRows first = nodes.get(0);
        for (NodeRows node : nodes) {
            assertThat(node.ids()).as("rows on %s vs %s", node.pod(), first.pod()).isEqualTo(first.ids());
            assertThat(node.checksum()).as("CHECKSUM TABLE lab.acked on %s vs %s", node.pod(), first.pod())
                    .isEqualTo(first.checksum());
        }
    }

    /** One line per scenario in target/recovery-lab/results.txt, for the record. */
    private void report(String scenario, Set<Long> acknowledged) {
        String line = scenario + ": acknowledged=" + acknowledged.size() + " " + nodes.stream()
                .map(n -> n.pod() + "{rows=" + n.ids().size() + ", checksum=" + n.checksum() + "}")
                .collect(Collectors.joining(" ")) + System.lineSeparator();
        System.out.print(line);
        try {
            Path results = Path.of("target", "recovery-lab", "results.txt");
            Files.createDirectories(results.getParent());
            Files.writeString(results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
