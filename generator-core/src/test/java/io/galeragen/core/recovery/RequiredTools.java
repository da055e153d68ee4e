package io.galeragen.core.recovery;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The Debian packages the recovery scenarios need: missing tools fail in CI and skip elsewhere. */
final class RequiredTools {

    private RequiredTools() {}

    static void requireGalera() {
        require(List.of("/usr/sbin/mariadbd", "/usr/bin/mariadb", "/usr/bin/mariadb-install-db",
                        "/usr/lib/galera/libgalera_smm.so", "/usr/bin/rsync"),
                "apt-get install -y mariadb-server galera-4 mariadb-backup rsync");
    }

    static void requireShellcheck() {
        require(List.of("/usr/bin/shellcheck"), "apt-get install -y shellcheck");
    }

    private static void require(List<String> paths, String install) {
        List<String> missing = paths.stream().filter(p -> !Files.exists(Path.of(p))).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "missing " + missing + "; install with: " + install;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: these tests must run, not skip)");
        }
        Assumptions.abort(message);
    }
}
