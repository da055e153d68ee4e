package io.galeragen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineYamlTest {

    @Test
    void removesTheIndentationMavenLeftOnTheOtherLines() {
        assertThat(InlineYaml.dedent("replicas: 5\n      storage:\n        size: 20Gi\n    "))
                .isEqualTo("replicas: 5\nstorage:\n  size: 20Gi\n");
    }

    @Test
    void keepsChildrenOfAFirstLineThatOpensABlock() {
        assertThat(InlineYaml.dedent("storage:\n        size: 20Gi\n        storageClassName: ceph"))
                .isEqualTo("storage:\n        size: 20Gi\n        storageClassName: ceph\n");
        assertThat(InlineYaml.dedent("storage:  # data\n        size: 20Gi\n      replicas: 5"))
                .isEqualTo("storage:  # data\n  size: 20Gi\nreplicas: 5\n");
    }

    @Test
    void aSingleLineStaysAsItIs() {
        assertThat(InlineYaml.dedent("  {replicas: 5}  ")).isEqualTo("{replicas: 5}\n");
    }
}
