package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lab's PersistentVolumeClaims, each a directory that outlives its pods: {@code volumes/<claim>/disk} holds the
 * data (a fresh one looks like a fresh ext4 volume: an empty root, 0755 root:root, and lost+found). A pod mounts what
 * {@link #attach} returns: the disk itself, or, with unsynced volumes, an {@link UnsyncedFs} mount over it (the FUSE
 * layer that keeps track of what is not durable yet, so that a power cut can drop it).
 */
final class PersistentVolumes {

    private final Path root;
    private final boolean unsynced;
    private final Map<String, Attachment> attached = new ConcurrentHashMap<>();
    private final AtomicInteger replaced = new AtomicInteger();

    private final Map<String, String> lastCut = new ConcurrentHashMap<>();

    private record Attachment(Path mountPoint, UnsyncedFs layer) {}

    /** @param unsynced whether each claim is mounted through the unsynced-writes layer */
    PersistentVolumes(Path root, boolean unsynced) {
        this.root = root;
        this.unsynced = unsynced;
    }

    boolean exists(String claim) {
        return Files.isDirectory(disk(claim));
    }

    /** Creates the claim's volume if it has none (a StatefulSet's volumeClaimTemplate, bound on first use). */
    synchronized void provision(String claim) {
        if (exists(claim)) {
            return;
        }
        try {
            Files.createDirectories(root.resolve(claim));
            Path disk = disk(claim);
            Files.createDirectory(disk);
            Files.setPosixFilePermissions(disk, ProjectedFiles.permissions(0755));
            Path lostFound = Files.createDirectory(disk.resolve("lost+found"));
            Files.setPosixFilePermissions(lostFound, ProjectedFiles.permissions(0700));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot provision volume " + claim, e);
        }
    }

    /** The directory a pod mounts for this claim (the volume is attached to one pod at a time: ReadWriteOnce). */
    synchronized Path attach(String claim) {
        provision(claim);
        Attachment current = attached.get(claim);
        if (current != null) {
            return current.mountPoint();
        }
        if (!unsynced) {
            attached.put(claim, new Attachment(disk(claim), null));
            return disk(claim);
        }
        Path mountPoint = root.resolve(claim).resolve("mnt");
        UnsyncedFs layer =
                UnsyncedFs.mount(disk(claim), mountPoint, root.resolve(claim).resolve("layer.log"));
        attached.put(claim, new Attachment(mountPoint, layer));
        return mountPoint;
    }

    /** The pod is gone: the volume is detached (an unsynced layer writes everything back first, as an unmount does). */
    synchronized void detach(String claim) {
        Attachment attachment = attached.remove(claim);
        if (attachment != null && attachment.layer() != null) {
            attachment.layer().stop();
            attachment.layer().close();
        }
    }

    /** Power lost: every write of this claim not yet fsynced is gone; the layer unmounts. */
    String powerCut(String claim) {
        Attachment attachment;
        synchronized (this) {
            attachment = attached.remove(claim);
        }
        if (attachment == null || attachment.layer() == null) {
            throw new IllegalStateException("volume " + claim + " has no unsynced layer attached: a power cut needs "
                    + "a lab started with unsynced volumes");
        }
        String summary = attachment.layer().cut();
        attachment.layer().close();
        lastCut.put(claim, summary);
        return summary;
    }

    /** Claims mounted now. */
    synchronized java.util.Set<String> attachedClaims() {
        return java.util.Set.copyOf(attached.keySet());
    }

    /** The claim's volume is replaced by an empty one (a new PV); the old data is kept aside for inspection. */
    synchronized void replaceWithEmpty(String claim) {
        if (attached.containsKey(claim)) {
            throw new IllegalStateException("volume " + claim + " is attached to a pod: stop the pod first");
        }
        try {
            if (exists(claim)) {
                Files.move(disk(claim), root.resolve(claim).resolve("disk.replaced-" + replaced.incrementAndGet()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        provision(claim);
    }

    /** The claim's data as the host sees it (for inspecting grastate.dat and such; never while a pod writes). */
    Path disk(String claim) {
        return root.resolve(claim).resolve("disk");
    }

    boolean unsynced() {
        return unsynced;
    }

    /** Detaches every volume (end of the lab). */
    synchronized void detachAll() {
        attached.keySet().forEach(this::detach);
    }
}
