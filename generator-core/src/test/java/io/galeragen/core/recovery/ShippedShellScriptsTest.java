package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shell file galera-gen ships passes shellcheck at its default severity. */
class ShippedShellScriptsTest {

    @TempDir
    Path dir;

    @Test
    void shellcheckFindsNothing() throws Exception {
        RequiredTools.requireShellcheck();
        List<String> command = new ArrayList<>(List.of("shellcheck", "--shell=bash"));
        for (String script : ShippedFiles.SHELL_SCRIPTS) {
            Path file = dir.resolve(script);
            ShippedFiles.write(file, ShippedFiles.resource(ShippedFiles.FILES + script));
            command.add(file.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String findings = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(findings).isZero();
        assertThat(findings).isEmpty();
    }
}
