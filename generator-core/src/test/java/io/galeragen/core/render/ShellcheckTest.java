package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.Examples;
import io.galeragen.core.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** shellcheck, at its default severity, finds nothing in any shell file galera-gen ships (templates/files). */
class ShellcheckTest {

    @Test
    void everyShippedShellFilePassesShellcheck() throws IOException {
        ExternalTool.require("shellcheck", "shellcheck");
        // The sources of the templates module (on the classpath they may sit inside its jar).
        Path files = Examples.examplesDir()
                .resolveSibling("templates/src/main/resources" + TemplateEngine.CLASSPATH_ROOT + "/files");
        List<String> scripts;
        try (Stream<Path> listing = Files.list(files)) {
            scripts = listing.filter(ShellcheckTest::isShellScript)
                    .map(script -> script.toAbsolutePath().toString())
                    .sorted()
                    .toList();
        }
        assertThat(scripts)
                .extracting(script -> Path.of(script).getFileName().toString())
                .contains("init.sh", "start.sh", "probe.sh", "init-users.sh", "galera-recover");

        List<String> command = new ArrayList<>(List.of("shellcheck", "--shell=bash"));
        command.addAll(scripts);
        // From outside the scripts' folder, as a reviewer runs it: the sourced files resolve through SCRIPTDIR.
        ExternalTool.Result result = ExternalTool.run(files.toAbsolutePath().getRoot(), command);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).isEmpty();
    }

    private static boolean isShellScript(Path file) {
        try {
            return Files.readString(file).startsWith("#!/bin/bash");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
