package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The kubelet's atomic writer, which lays out ConfigMap and Secret volumes: the files live in a timestamped directory
 * {@code ..2024_01_01_10_00_00.123456789} (mode 0755), {@code ..data} links to it, and each top-level name in the
 * volume is a symlink {@code name -> ..data/name}. An update writes a new timestamped directory and swaps
 * {@code ..data} in one rename, so a reader never sees half a change.
 */
final class ProjectedFiles {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm_ss");

    /** A file of the payload: its bytes and mode. */
    record File(byte[] content, int mode) {}

    private ProjectedFiles() {}

    /** Writes (or replaces) the payload in the volume directory. */
    static void write(Path volume, Map<String, File> payload) {
        try {
            Files.createDirectories(volume);
            String name = ".." + ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP) + "."
                    + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
            Path timestamped = volume.resolve(name);
            Files.createDirectory(timestamped);
            Files.setPosixFilePermissions(timestamped, permissions(0755));
            for (Map.Entry<String, File> file : payload.entrySet()) {
                Path target = timestamped.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue().content());
                Files.setPosixFilePermissions(
                        target, permissions(file.getValue().mode()));
            }
            Path previous = Files.isSymbolicLink(volume.resolve("..data"))
                    ? Files.readSymbolicLink(volume.resolve("..data"))
                    : null;
            Path newData = volume.resolve("..data_tmp");
            Files.deleteIfExists(newData);
            Files.createSymbolicLink(newData, Path.of(name));
            Files.move(newData, volume.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            for (String path : payload.keySet()) {
                String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
                Path link = volume.resolve(top);
                if (!Files.isSymbolicLink(link)) {
                    Files.createSymbolicLink(link, Path.of("..data", top));
                }
            }
            if (previous != null) {
                Shell.run("rm", "-rf", volume.resolve(previous).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write volume " + volume, e);
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
