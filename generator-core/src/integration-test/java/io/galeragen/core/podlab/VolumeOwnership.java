package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kubelet's SetVolumeOwnership for a pod with {@code fsGroup}: every file and directory of the volume gets the
 * group fsGroup (owner unchanged) and the mode bits rw for the group (r only for a read-only volume such as a
 * ConfigMap or Secret), directories also x and setgid so that new files inherit the group. Symlinks are left alone.
 * With {@code fsGroupChangePolicy: OnRootMismatch} nothing is done when the volume's root already fits.
 */
final class VolumeOwnership {

    private static final int RW = 0660;
    private static final int RO = 0440;
    private static final int EXEC = 0110;
    private static final int SETGID = 02000;

    private VolumeOwnership() {}

    static void apply(Path volume, Long fsGroup, boolean readOnly, String changePolicy) {
        if (fsGroup == null) {
            return;
        }
        if ("OnRootMismatch".equals(changePolicy) && rootFits(volume, fsGroup.intValue(), readOnly)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(volume)) {
            paths = walk.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk volume " + volume, e);
        }
        for (Path path : paths) {
            change(path, fsGroup.intValue(), readOnly);
        }
    }

    private static void change(Path path, int group, boolean readOnly) {
        try {
            if (Files.isSymbolicLink(path)) {
                return;
            }
            Files.setAttribute(path, "unix:gid", group, LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
            mode |= readOnly ? RO : RW;
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                mode |= SETGID | EXEC;
            }
            Files.setAttribute(path, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException vanished) {
            // a file removed meanwhile (the pod's own processes may run): nothing to change
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the fsGroup of " + path, e);
        }
    }

    private static boolean rootFits(Path volume, int group, boolean readOnly) {
        try {
            int gid = (Integer) Files.getAttribute(volume, "unix:gid");
            int mode = (Integer) Files.getAttribute(volume, "unix:mode");
            int wanted = (readOnly ? RO : RW) | EXEC;
            return gid == group && (mode & wanted) == wanted && (mode & SETGID) != 0;
        } catch (IOException e) {
            return false;
        }
    }
}
