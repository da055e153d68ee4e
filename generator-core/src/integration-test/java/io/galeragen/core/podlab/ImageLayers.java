package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Read-only image layers, built once by build-image-layer.sh and cached outside the repository under
 * {@code /var/cache/galera-gen/podlab/<kind>-<hash of every input>}: a changed builder, package list or upstream file
 * is a new layer, an unchanged one is reused by every lab and every run on this machine. Two labs that need the same
 * layer at once build it once (a file lock; a monitor within one JVM).
 */
final class ImageLayers {

    static final Path CACHE = Path.of("/var/cache/galera-gen/podlab");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    private final Path builder;

    /** @param builder the lab's copy of build-image-layer.sh */
    ImageLayers(Path builder) {
        this.builder = builder;
    }

    /**
     * The layer of that kind, built now if the cache lacks it.
     *
     * @param upstream for {@code mariadb-entrypoint}: the folder holding docker-entrypoint.sh and healthcheck.sh
     */
    Path layer(String kind, Path upstream) {
        Path layer = CACHE.resolve(kind + "-" + inputsHash(kind, upstream));
        if (Files.isDirectory(layer)) {
            return layer;
        }
        // The file lock orders JVMs; within one JVM (two lab classes at once) a second lock() would throw.
        synchronized (ImageLayers.class) {
            return lockedLayer(kind, upstream, layer);
        }
    }

    private Path lockedLayer(String kind, Path upstream, Path layer) {
        try {
            Files.createDirectories(CACHE);
            try (FileChannel lockFile = FileChannel.open(
                            CACHE.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.isDirectory(layer)) {
                    build(kind, upstream, layer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build image layer " + layer, e);
        }
        return layer;
    }

    private void build(String kind, Path upstream, Path layer) throws IOException {
        Path partial = CACHE.resolve(layer.getFileName() + ".partial");
        Shell.tryRun("rm", "-rf", partial.toString());
        System.out.println("[podlab] building image layer " + layer.getFileName() + " (once per machine) ...");
        long started = System.nanoTime();
        Shell.Result result = Shell.tryRun(
                List.of(
                        "bash",
                        builder.toString(),
                        kind,
                        partial.toString(),
                        upstream == null ? "" : upstream.toString()),
                Map.of(),
                null,
                BUILD_TIMEOUT);
        if (!result.ok()) {
            Shell.tryRun("rm", "-rf", partial.toString());
            throw new IllegalStateException("building image layer " + kind + " failed:\n" + result.output());
        }
        Files.move(partial, layer);
        System.out.printf("[podlab] built %s in %.0f s%n", layer.getFileName(), (System.nanoTime() - started) / 1e9);
    }

    private String inputsHash(String kind, Path upstream) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(kind.getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(builder));
            if (upstream != null) {
                for (String file : List.of("docker-entrypoint.sh", "healthcheck.sh")) {
                    digest.update(Files.readAllBytes(upstream.resolve(file)));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
