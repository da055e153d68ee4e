package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the image references a manifest names to root filesystems built on this machine. Only the images galera-gen
 * renders are known; any other reference is an error that names it.
 * <ul>
 *   <li>{@code [docker.io/][library/]mariadb:<tag>}: Debian bookworm laid out as the official image's Dockerfile
 *       (../shared/upstream/mariadb-docker/&lt;tag&gt;/, or head/ for any other tag), with that folder's
 *       docker-entrypoint.sh and healthcheck.sh; ENTRYPOINT, CMD and ENV are read from that Dockerfile.</li>
 *   <li>{@code [docker.io/]prom/mysqld-exporter:v0.17.2}: Debian trixie's mysqld_exporter 0.17.2 at
 *       /bin/mysqld_exporter, run as {@code nobody}: the image's Dockerfile says {@code USER nobody} and
 *       {@code ENTRYPOINT ["/bin/mysqld_exporter"]}.</li>
 * </ul>
 */
final class Images {

    private static final Pattern MARIADB = Pattern.compile("(?:docker\\.io/)?(?:library/)?mariadb:([A-Za-z0-9._-]+)");
    private static final Pattern EXPORTER = Pattern.compile("(?:docker\\.io/)?prom/mysqld-exporter:v0\\.17\\.2");

    private final ImageLayers layers;
    private final Path mariadbDocker;
    private final Map<String, Image> resolved = new ConcurrentHashMap<>();

    /** @param upstream ../shared/upstream */
    Images(ImageLayers layers, Path upstream) {
        this.layers = layers;
        this.mariadbDocker = upstream.resolve("mariadb-docker");
    }

    Image resolve(String reference) {
        return resolved.computeIfAbsent(reference, this::build);
    }

    private Image build(String reference) {
        Matcher mariadb = MARIADB.matcher(reference);
        if (mariadb.matches()) {
            Path upstream = mariadbDocker.resolve(
                    Files.isDirectory(mariadbDocker.resolve(mariadb.group(1))) ? mariadb.group(1) : "head");
            Dockerfile dockerfile = Dockerfile.parse(read(upstream.resolve("Dockerfile")));
            List<Path> rootfs =
                    List.of(layers.layer("mariadb-entrypoint", upstream), layers.layer("mariadb-base", null));
            return new Image(
                    reference,
                    rootfs,
                    dockerfile.entrypoint(),
                    dockerfile.cmd(),
                    dockerfile.env(),
                    dockerfile.user(),
                    dockerfile.workingDir());
        }
        if (EXPORTER.matcher(reference).matches()) {
            return new Image(
                    reference,
                    List.of(layers.layer("mysqld-exporter", null)),
                    List.of("/bin/mysqld_exporter"),
                    List.of(),
                    Map.of("PATH", Dockerfile.DEFAULT_PATH),
                    "nobody",
                    "/");
        }
        throw new IllegalArgumentException("the pod lab has no image for '" + reference
                + "' (known: [docker.io/library/]mariadb:<tag>, [docker.io/]prom/mysqld-exporter:v0.17.2)");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
