package io.galeragen.core.podlab;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.DSYNC;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The power-loss layer of the pod lab against real programs: what survives a cut is what ext4 (data=ordered) on a
 * real machine would keep, and a real mariadbd keeps every acknowledged commit only with
 * innodb_flush_log_at_trx_commit=1.
 */
class UnsyncedFsIT {

    /** Under /tmp: mariadbd runs as mysql and must traverse every parent directory. */
    private static final Path ROOT = Path.of("/tmp", "unsynced-fs-it");

    private static final int MYSQL_UID = 999;
    private final Random random = new Random(20261201);

    @BeforeAll
    static void prerequisites() {
        UnsyncedFs.requirePrerequisites();
        UnsyncedFs.build();
    }

    @Test
    void fsyncWritebackAgeAndSyncOpensDecideWhatSurvives() throws IOException {
        Lab lab = Lab.fresh("data");
        byte[] old = bytes(64 * 1024);
        byte[] expired = bytes(50 * 1024);
        byte[] synced = bytes(100 * 1024);
        byte[] dsync = bytes(10 * 1024);
        try (UnsyncedFs layer = lab.mount(Duration.ofSeconds(4), Duration.ofSeconds(2))) {
            Path m = layer.mountpoint();
            write(m.resolve("old.bin"), old, true);
            write(m.resolve("expired.bin"), expired, false);
            write(m.resolve("appended.bin"), new byte[0], false);
            UnsyncedFs.pause(Duration.ofMillis(5500)); // past --expire-seconds: written back, names committed

            write(m.resolve("synced.bin"), synced, true);
            try (FileChannel channel = FileChannel.open(m.resolve("dsync.bin"), CREATE, WRITE, DSYNC)) {
                channel.write(ByteBuffer.wrap(dsync));
            }
            write(m.resolve("unsynced.bin"), bytes(7000), false);
            Files.write(m.resolve("appended.bin"), bytes(3000), StandardOpenOption.APPEND);
            try (FileChannel channel = FileChannel.open(m.resolve("old.bin"), WRITE)) {
                channel.write(ByteBuffer.wrap(bytes(4096)), 1000);
            }
            UnsyncedFs.run(
                    Duration.ofSeconds(30),
                    "dd",
                    "if=/dev/urandom",
                    "of=" + m.resolve("direct.bin"),
                    "bs=16k",
                    "count=8",
                    "oflag=direct",
                    "status=none");
            UnsyncedFs.run(
                    Duration.ofSeconds(30),
                    "dd",
                    "if=/dev/urandom",
                    "of=" + m.resolve("direct-fsync.bin"),
                    "bs=16k",
                    "count=8",
                    "oflag=direct",
                    "conv=fsync",
                    "status=none");
            byte[] directSynced = Files.readAllBytes(m.resolve("direct-fsync.bin"));

            String summary = layer.cut();

            assertThat(summary).startsWith("unsynced-fs: power cut: dropped").contains("metadata operations");
            Path b = lab.backing;
            assertThat(b.resolve("synced.bin")).as("written and fsynced").hasBinaryContent(synced);
            assertThat(b.resolve("dsync.bin"))
                    .as("written through an O_DSYNC open")
                    .hasBinaryContent(dsync);
            assertThat(b.resolve("direct-fsync.bin")).as("O_DIRECT, then fsync").hasBinaryContent(directSynced);
            assertThat(b.resolve("expired.bin"))
                    .as("older than --expire-seconds")
                    .hasBinaryContent(expired);
            assertThat(b.resolve("old.bin"))
                    .as("an overwrite never synced is undone")
                    .hasBinaryContent(old);
            assertThat(b.resolve("appended.bin"))
                    .as("committed name, data never written back")
                    .hasBinaryContent(new byte[0]);
            // ext4 commits its whole journal at an fsync: direct-fsync.bin's took these two names along, not their data
            assertThat(b.resolve("unsynced.bin"))
                    .as("created and written, nothing synced")
                    .hasBinaryContent(new byte[0]);
            assertThat(b.resolve("direct.bin")).as("O_DIRECT without fsync").hasBinaryContent(new byte[0]);
            assertThat(b.resolve(".unsynced-fs")).as("the layer's own state").doesNotExist();
            System.out.println("[unsynced-fs] data: " + summary);
        }
    }

    /** grastate.dat's pattern: write a temporary file, rename it over the real one. */
    @Test
    void renameOverAnExistingFileSurvivesAsOnExt4() throws IOException {
        Lab lab = Lab.fresh("rename");
        byte[] before = "seqno: 10\n".getBytes();
        byte[] after = "seqno: 20\n".getBytes();
        try (UnsyncedFs layer = lab.mount(Duration.ofSeconds(15), Duration.ofSeconds(2))) {
            Path m = layer.mountpoint();
            for (String name : List.of("committed", "synced")) {
                write(m.resolve(name + ".dat"), before, true);
            }
            fsyncDirectory(m);

            write(m.resolve("committed.dat.tmp"), after, false);
            Files.move(m.resolve("committed.dat.tmp"), m.resolve("committed.dat"), StandardCopyOption.ATOMIC_MOVE);
            write(m.resolve("fresh.tmp"), after, false);
            Files.move(m.resolve("fresh.tmp"), m.resolve("fresh.dat"), StandardCopyOption.ATOMIC_MOVE);
            UnsyncedFs.pause(Duration.ofMillis(3500)); // one journal commit later, well before writeback

            write(m.resolve("synced.dat.tmp"), after, true);
            Files.move(m.resolve("synced.dat.tmp"), m.resolve("synced.dat"), StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(m);
            String summary = layer.cut();

            Path b = lab.backing;
            assertThat(b.resolve("committed.dat"))
                    .as("replaced, rename committed: auto_da_alloc wrote the data with it")
                    .hasBinaryContent(after);
            assertThat(b.resolve("fresh.dat"))
                    .as("renamed to a new name, committed, data never written back: ext4's empty file")
                    .hasBinaryContent(new byte[0]);
            assertThat(b.resolve("synced.dat"))
                    .as("fsync, rename, fsync of the directory")
                    .hasBinaryContent(after);
            System.out.println("[unsynced-fs] rename: " + summary);
        }
        // Inside the commit window (ext4: 5 s) the replacement is not there yet, nor the temporary file.
        Lab again = Lab.fresh("rename-window");
        try (UnsyncedFs layer = again.mount()) {
            Path m = layer.mountpoint();
            write(m.resolve("grastate.dat"), before, true);
            fsyncDirectory(m);
            write(m.resolve("grastate.dat.tmp"), after, false);
            Files.move(m.resolve("grastate.dat.tmp"), m.resolve("grastate.dat"), StandardCopyOption.ATOMIC_MOVE);
            String summary = layer.cut();

            assertThat(again.backing.resolve("grastate.dat"))
                    .as("replaced, cut before the journal commit")
                    .hasBinaryContent(before);
            assertThat(again.backing.resolve("grastate.dat.tmp")).doesNotExist();
            assertThat(summary).contains("1 create").contains("1 rename");
        }
    }

    @Test
    void truncateUnlinkAndMkdirAreUndoneUntilCommitted() throws IOException {
        Lab lab = Lab.fresh("metadata");
        byte[] content = bytes(200 * 1024);
        try (UnsyncedFs layer = lab.mount()) {
            Path m = layer.mountpoint();
            write(m.resolve("truncated.bin"), content, true);
            write(m.resolve("unlinked.bin"), content, true);
            fsyncDirectory(m);

            try (FileChannel channel = FileChannel.open(m.resolve("truncated.bin"), WRITE)) {
                channel.truncate(1000);
                channel.write(ByteBuffer.wrap(bytes(500)), 1000);
            }
            Files.delete(m.resolve("unlinked.bin"));
            Files.createDirectories(m.resolve("dir/sub"));
            assertThat(m.resolve("unlinked.bin")).doesNotExist();
            String summary = layer.cut();

            Path b = lab.backing;
            assertThat(b.resolve("truncated.bin"))
                    .as("truncation not committed")
                    .hasBinaryContent(content);
            assertThat(b.resolve("unlinked.bin")).as("unlink not committed").hasBinaryContent(content);
            assertThat(b.resolve("dir")).doesNotExist();
            assertThat(summary).contains("1 unlink").contains("2 mkdir").contains("1 size change");
        }
    }

    /** galera.cache is a MAP_SHARED mapping: msync is its durability point. */
    @Test
    void mappedDataIsDurableAtMsync() throws IOException {
        Lab lab = Lab.fresh("mmap");
        byte[] page = bytes(4096);
        try (UnsyncedFs layer = lab.mount()) {
            Path m = layer.mountpoint();
            write(m.resolve("ring.cache"), new byte[64 * 1024], true);
            MappedByteBuffer map;
            try (FileChannel channel = FileChannel.open(m.resolve("ring.cache"), READ, WRITE)) {
                map = channel.map(FileChannel.MapMode.READ_WRITE, 0, 64 * 1024);
            }
            map.put(0, page);
            map.force(0, 4096);
            map.put(8 * 4096, page); // dirty in the kernel's cache, never synced
            String summary = layer.cut(); // the mapping stays, as mariadbd's would; never touched again
            System.out.println("[unsynced-fs] mmap: " + summary);
            byte[] after = Files.readAllBytes(lab.backing.resolve("ring.cache"));
            assertThat(Arrays.copyOfRange(after, 0, 4096)).as("msync'd page").isEqualTo(page);
            assertThat(Arrays.copyOfRange(after, 8 * 4096, 9 * 4096))
                    .as("page never synced")
                    .isEqualTo(new byte[4096]);
        }
    }

    @Test
    void memoryStaysSmallWithGigabytePreallocations() throws IOException {
        Lab lab = Lab.fresh("memory");
        long gib = 1L << 30;
        try (UnsyncedFs layer = lab.mount()) {
            Path m = layer.mountpoint();
            UnsyncedFs.run(
                    Duration.ofMinutes(1),
                    "fallocate",
                    "-l",
                    Long.toString(gib),
                    m.resolve("galera.cache").toString());
            byte[] pattern = bytes(4096);
            MappedByteBuffer map;
            try (FileChannel channel = FileChannel.open(m.resolve("galera.cache"), READ, WRITE)) {
                channel.force(true);
                map = channel.map(FileChannel.MapMode.READ_WRITE, 0, gib);
            }
            for (int offset = 0; offset < 64 << 20; offset += 4096) {
                map.put(offset, pattern);
            }
            map.force(0, 1 << 20);
            // glibc's posix_fallocate without fallocate(2): one zero byte per block, 1 GiB of them
            Instant start = Instant.now();
            try (FileChannel emulated = FileChannel.open(m.resolve("emulated.cache"), CREATE, WRITE)) {
                ByteBuffer zero = ByteBuffer.allocate(1);
                for (long offset = 0; offset < gib; offset += 4096) {
                    emulated.write(zero.clear(), offset);
                }
                emulated.write(zero.clear(), gib - 1);
            }
            long emulationMillis = Duration.between(start, Instant.now()).toMillis();
            long peakKib = layer.peakRssKib();
            String summary = layer.cut();
            System.out.printf(
                    "[unsynced-fs] memory: peak RSS %d KiB after fallocate(1 GiB), 64 MiB of mmap writes,"
                            + " 262145 one-byte preallocation writes (%d ms); %s%n",
                    peakKib, emulationMillis, summary);
            assertThat(peakKib).as("layer peak RSS, KiB").isLessThan(64 * 1024);
            try (FileChannel cache = FileChannel.open(lab.backing.resolve("galera.cache"), READ)) {
                assertThat(cache.size()).as("fallocate'd and fsynced").isEqualTo(gib);
                ByteBuffer first = ByteBuffer.allocate(4096);
                cache.read(first, 0);
                assertThat(first.array()).as("msync'd mapped page").isEqualTo(pattern);
            }
        }
    }

    /** The lab's way: mounted on the host, bound into a container's mount namespace, used by uid 999 without capabilities. */
    @Test
    void boundIntoAnotherMountNamespaceForAnUnprivilegedUser() throws Exception {
        Lab lab = Lab.fresh("namespace");
        Path volume = lab.dir.resolve("pod-volume");
        Files.createDirectories(volume);
        Files.createDirectories(lab.backing);
        UnsyncedFs.run(Duration.ofSeconds(10), "chown", MYSQL_UID + ":" + MYSQL_UID, lab.backing.toString());
        try (UnsyncedFs layer = lab.mount()) {
            String container = """
                    mount --bind "$1" "$2" || exit 1
                    setpriv --reuid=%1$d --regid=%1$d --clear-groups --bounding-set=-all --inh-caps=-all --no-new-privs \
                      sh -c 'dd if=/dev/zero of="$0/durable" bs=4k count=4 conv=fsync status=none \
                        && dd if=/dev/zero of="$0/lost" bs=4k count=4 status=none && touch "$0/written"' "$2" || exit 1
                    i=0
                    while ls "$2" >/dev/null 2>&1 && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
                    ls "$2" 2>&1
                    """.formatted(MYSQL_UID);
            Process pod = new ProcessBuilder(
                            "unshare",
                            "--mount",
                            "--propagation",
                            "private",
                            "--",
                            "sh",
                            "-c",
                            container,
                            "sh",
                            layer.mountpoint().toString(),
                            volume.toString())
                    .redirectErrorStream(true)
                    .start();
            pod.getOutputStream().close();
            Instant deadline = Instant.now().plusSeconds(30);
            while (!Files.exists(lab.backing.resolve("written"))
                    && pod.isAlive()
                    && Instant.now().isBefore(deadline)) {
                UnsyncedFs.pause(Duration.ofMillis(50));
            }
            String summary = layer.cut();
            assertThat(pod.waitFor(60, TimeUnit.SECONDS))
                    .as("the container noticed the cut")
                    .isTrue();
            String seenInside = new String(pod.getInputStream().readAllBytes());

            assertThat(seenInside)
                    .containsAnyOf("Transport endpoint is not connected", "Software caused connection abort");
            assertThat(lab.backing.resolve("durable")).hasSize(16384);
            assertThat(Files.getAttribute(lab.backing.resolve("durable"), "unix:uid"))
                    .as("owner")
                    .isEqualTo(MYSQL_UID);
            assertThat(lab.backing.resolve("lost")).doesNotExist();
            System.out.println("[unsynced-fs] namespace: " + summary);
        }
    }

    /**
     * A real mariadbd on the layer, a client inserting one acknowledged row at a time, a cut under the load, the
     * server killed with it, then restarted on the same volume.
     */
    @Test
    void mariadbKeepsAcknowledgedCommitsOnlyWhenItFlushesEachOne() {
        UnsyncedFsMariadb.requireServer();
        Lab lab = Lab.fresh("mariadb");
        UnsyncedFsMariadb server = new UnsyncedFsMariadb(lab.mountpoint.resolve("data"), lab.dir.resolve("run"));
        List<String> report = new ArrayList<>();
        List<Long> lostWithFlush1 = new ArrayList<>();
        List<Long> lostWithFlush2 = new ArrayList<>();
        UnsyncedFs layer = lab.mount();
        try {
            Instant installing = Instant.now();
            server.install();
            report.add("install-db on the layer: "
                    + Duration.between(installing, Instant.now()).toMillis() + " ms");
            report.add("first start: " + server.start().toMillis() + " ms");
            server.createWriterAccount();
            server.stop();
            report.add("start after a clean stop: " + server.start().toMillis() + " ms");
            int[] flushSettings = {1, 2, 1, 2, 1, 2};
            for (int run = 0; run < flushSettings.length; run++) {
                int flush = flushSettings[run];
                server.sql("SET GLOBAL innodb_flush_log_at_trx_commit=" + flush);
                long acknowledged;
                double rate;
                String table = "run" + run + "_flush" + flush;
                try (UnsyncedFsMariadb.AckedInserts writer =
                        server.new AckedInserts(table, 200_000, Duration.ofSeconds(60))) {
                    UnsyncedFs.pause(Duration.ofMillis(2500 + random.nextInt(1000)));
                    String summary = layer.cut();
                    server.kill();
                    writer.close();
                    acknowledged = writer.acknowledged();
                    rate = writer.rate();
                    report.add("cut: " + summary);
                }
                int logBefore = server.errorLog().length();
                layer = lab.mount();
                long restart = server.start().toMillis();
                assertThat(server.errorLog().substring(logBefore))
                        .as("InnoDB recovered from the cut")
                        .contains("Starting crash recovery");
                long present = server.count("SELECT COUNT(*) FROM lab." + table + " WHERE id <= " + acknowledged);
                long beyond = server.count("SELECT COUNT(*) FROM lab." + table + " WHERE id > " + acknowledged);
                long lost = acknowledged - present;
                (flush == 1 ? lostWithFlush1 : lostWithFlush2).add(lost);
                report.add(String.format(
                        "innodb_flush_log_at_trx_commit=%d: %d acknowledged (%.0f/s), %d lost, %d committed"
                                + " but unacknowledged; restart %d ms",
                        flush, acknowledged, rate, lost, beyond, restart));
                assertThat(acknowledged)
                        .as("the writer got going before the cut")
                        .isPositive();
            }
            server.stop();
            report.add("clean stop: " + layer.stop());
        } finally {
            report.forEach(line -> System.out.println("[unsynced-fs] mariadb: " + line));
            layer.close();
        }
        assertThat(lostWithFlush1)
                .as("acknowledged rows lost with flush=1, per run")
                .containsOnly(0L);
        assertThat(lostWithFlush2)
                .as("acknowledged rows lost with flush=2, per run")
                .anyMatch(lost -> lost > 0);
    }

    /** A test's scratch directory: the backing directory (the PVC) and the mount point. */
    private record Lab(Path dir, Path backing, Path mountpoint) {
        static Lab fresh(String name) {
            Path dir = ROOT.resolve(name);
            Path mountpoint = dir.resolve("mnt");
            if (UnsyncedFs.isMounted(mountpoint)) {
                UnsyncedFs.run(Duration.ofSeconds(10), "umount", "-l", mountpoint.toString());
            }
            UnsyncedFs.run(Duration.ofMinutes(1), "rm", "-rf", dir.toString());
            return new Lab(dir, dir.resolve("pvc"), mountpoint);
        }

        UnsyncedFs mount(Duration expire, Duration commit) {
            return UnsyncedFs.mount(backing, mountpoint, expire, commit, dir.resolve("layer.log"));
        }

        UnsyncedFs mount() {
            return UnsyncedFs.mount(backing, mountpoint, dir.resolve("layer.log"));
        }
    }

    private byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void write(Path file, byte[] content, boolean fsync) {
        try (FileChannel channel = FileChannel.open(file, CREATE, WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(content));
            if (fsync) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, READ)) {
            channel.force(true);
        }
    }
}
