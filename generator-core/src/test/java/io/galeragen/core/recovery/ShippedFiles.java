package io.galeragen.core.recovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The files galera-gen ships (init.sh, start.sh, galera-recover and galera.cnf), taken from the
 * classpath exactly as the ConfigMap gets them, plus the harness's own stand-ins.
 */
record ShippedFiles(String initSh, String startSh, String galeraRecover, String galeraCnf) {

    static final String FILES = "io/galeragen/templates/files/";
    static final List<String> SHELL_SCRIPTS = List.of("init.sh", "start.sh", "galera-recover");

    static ShippedFiles load() {
        return new ShippedFiles(
                resource(FILES + "init.sh"),
                resource(FILES + "start.sh"),
                resource(FILES + "galera-recover"),
                // Stand-in with the core's galera.cnf layout until the render API is on main.
                resource("recovery/galera.cnf"));
    }

    static String resource(String name) {
        try (InputStream in = ShippedFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("not on the test classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The galera.cnf value of wsrep_provider_options, without quotes. */
    String providerOptions() {
        return galeraCnf.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("wsrep_provider_options"))
                .map(line -> line.substring(line.indexOf('=') + 1).strip().replace("\"", ""))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("galera.cnf has no wsrep_provider_options"));
    }

    /** Writes the scripts and galera.cnf into dir, the way the ConfigMap is mounted at /etc/galera. */
    void writeConfigMapTo(Path dir) {
        write(dir.resolve("init.sh"), initSh);
        write(dir.resolve("start.sh"), startSh);
        write(dir.resolve("galera-recover"), galeraRecover);
        write(dir.resolve("galera.cnf"), galeraCnf);
        write(dir.resolve("harness-entrypoint.sh"), resource("recovery/harness-entrypoint.sh"));
        write(dir.resolve("kubectl"), resource("recovery/fake-kubectl"));
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
