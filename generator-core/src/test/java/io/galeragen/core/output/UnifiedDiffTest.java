package io.galeragen.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static final String FILE =
            IntStream.rangeClosed(1, 1000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));

    @Test
    void oneChangedLineInALongFileIsOneHunkWithThreeLinesOfContext() {
        String edited = FILE.replace("line 500\n", "line five hundred\n");

        assertThat(UnifiedDiff.of("galera.yaml", edited, FILE, 40)).isEqualTo("""
                --- galera.yaml (as it is)
                +++ galera.yaml (as generated)
                @@ -497,7 +497,7 @@
                 line 497
                 line 498
                 line 499
                -line five hundred
                +line 500
                 line 501
                 line 502
                 line 503
                """);
    }

    @Test
    void addedAndRemovedLinesFarApartAreTwoHunks() {
        String edited = FILE.replace("line 10\n", "").replace("line 900\n", "line 900\nextra\n");

        assertThat(UnifiedDiff.of("f", edited, FILE, 40)).isEqualTo("""
                --- f (as it is)
                +++ f (as generated)
                @@ -7,6 +7,7 @@
                 line 7
                 line 8
                 line 9
                +line 10
                 line 11
                 line 12
                 line 13
                @@ -897,7 +898,6 @@
                 line 898
                 line 899
                 line 900
                -extra
                 line 901
                 line 902
                 line 903
                """);
    }

    @Test
    void aLongDiffIsCutAndSaysHowMuchIsLeft() {
        String edited = FILE.replace("line ", "row ");

        String diff = UnifiedDiff.of("f", edited, FILE, 40);

        assertThat(diff.lines()).hasSize(43).last().isEqualTo("... 1961 more diff lines");
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("f", FILE, FILE, 40)).isEmpty();
    }
}
