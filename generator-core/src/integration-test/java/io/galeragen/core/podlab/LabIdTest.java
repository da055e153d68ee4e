package io.galeragen.core.podlab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabIdTest {

    /**
     * CI ran LateMemberIT's lab (podlab2; the class is now LongOutagesIT) beside ThreeMembersIT's (podlab): podlab's
     * cleanup killed podlab2's pods.
     */
    @Test
    void aLabsCleanupKnowsOnlyItsOwnPauseProcesses() {
        LabId podlab = LabId.of("podlab");
        assertThat(podlab.isPauseProcess("podlab-pause-podlab infinity ")).isTrue();
        assertThat(podlab.isPauseProcess("podlab-pause-podlab2 infinity ")).isFalse();
        assertThat(LabId.of("podlab2").isPauseProcess("podlab-pause-podlab infinity "))
                .isFalse();
    }
}
