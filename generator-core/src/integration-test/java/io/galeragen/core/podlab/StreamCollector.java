package io.galeragen.core.podlab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Drains a process's output on its own thread, so that a command that prints a lot never blocks on a full pipe. */
final class StreamCollector {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Thread thread;

    private StreamCollector(InputStream in) {
        this.thread = new Thread(
                () -> {
                    byte[] chunk = new byte[8192];
                    try (in) {
                        int n;
                        while ((n = in.read(chunk)) > 0) {
                            synchronized (buffer) {
                                buffer.write(chunk, 0, n);
                            }
                        }
                    } catch (IOException closed) {
                        // the process is gone: what was read is the output
                    }
                },
                "output-collector");
        this.thread.setDaemon(true);
    }

    static StreamCollector start(InputStream in) {
        StreamCollector collector = new StreamCollector(in);
        collector.thread.start();
        return collector;
    }

    String text() {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
