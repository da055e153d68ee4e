package io.galeragen.core.podlab.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One line per scenario: printed, and appended as a Markdown table row to target/podlab/scenarios.md (the source of
 * docs/recovery.md's table).
 */
public final class ScenarioReport {

    static final Path FILE = Path.of("target", "podlab", "scenarios.md");

    /** A scenario's result. */
    public record Row(
            String scenario,
            String result,
            int acknowledged,
            int present,
            Duration toPrimary,
            Duration toAllSynced,
            String healedBy,
            String note) {

        String markdown() {
            return "| " + scenario + " | " + result + " | " + acknowledged + " / " + present + " | "
                    + seconds(toPrimary)
                    + " | " + seconds(toAllSynced) + " | " + healedBy + " | "
                    + note.replace("|", "\\|").replace("\n", " ")
                    + " |";
        }

        private static String seconds(Duration duration) {
            return duration == null ? "–" : String.format("%.0f s", duration.toMillis() / 1000.0);
        }
    }

    private ScenarioReport() {}

    public static synchronized void record(Row row) {
        String line = row.markdown();
        System.out.println("[podlab scenario] " + line);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(
                        FILE,
                        "| scenario | result | acknowledged / present on every member | time to Primary"
                                + " | time to all Synced | healed by | note |\n|---|---|---|---|---|---|---|\n");
            }
            Files.writeString(FILE, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
