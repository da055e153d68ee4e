package io.galeragen.core;

import io.galeragen.core.render.TemplateEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code shellcheck -S warning} passes on every shell file galera-gen ships (templates/files/*.sh). */
class ShellcheckTest {

    @Test
    void everyShippedShellFilePassesShellcheck() throws IOException {
        ExternalTool.require("shellcheck", "shellcheck");
        // The sources of the templates module (on the classpath they may sit inside its jar).
        Path files = Examples.examplesDir().resolveSibling("templates/src/main/resources" + TemplateEngine.CLASSPATH_ROOT
                + "/files");
        List<String> scripts;
        try (Stream<Path> listing = Files.list(files)) {
            scripts = listing.filter(file -> file.toString().endsWith(".sh")).map(Path::toString).sorted().toList();
        }
        assertThat(scripts).extracting(script -> Path.of(script).getFileName().toString())
                .contains("init.sh", "probe.sh", "init-users.sh");

        List<String> command = new ArrayList<>(List.of("shellcheck", "-S", "warning", "-s", "bash"));
        command.addAll(scripts);
        ExternalTool.Result result = ExternalTool.run(files, command);

        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
