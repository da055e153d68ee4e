package io.galeragen.core.values;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The text of a values file, bounded before the YAML parser sees it: read up to {@link #MAX_BYTES}, its encoding
 * detected as the YAML spec says (a byte order mark, or the zero bytes around the first character: UTF-8, UTF-16 or
 * UTF-32), decoded strictly (a byte that is not text is named with its line), and no line longer than
 * {@link #MAX_LINE}.
 */
final class ValuesText {

    /**
     * A values file is at most 1 MiB: every key at its limit (256 KiB of annotations, 128 labels of each kind with
     * keys and values at their longest, 64 cnf lines...) fits in less, and reading, binding and checking a file of
     * this size takes milliseconds.
     */
    static final int MAX_BYTES = 1 << 20;
    /**
     * A line holds at most the longest scalar a values file can need: one annotation of 256 KiB with its key. The
     * YAML reader's cost grows with the square of a scalar's length, so a longer line is refused before it is read.
     */
    static final int MAX_LINE = Limits.ANNOTATIONS_PER_OBJECT_BYTES;

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private ValuesText() {}

    /** At most {@link #MAX_BYTES} + 1 bytes of the file: a larger file is refused without being read whole. */
    static byte[] readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_BYTES + 1);
        }
    }

    /** The file's text, or a problem naming the line of the first byte that is not text in its encoding. */
    static String decode(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source);
        }
        Encoding encoding = Encoding.detect(bytes);
        CharsetDecoder decoder = encoding.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, encoding.bomLength(), bytes.length - encoding.bomLength());
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notText(source, encoding, out.flip(), bytes, in.position(), result.length());
        }
        return out.flip().toString();
    }

    /** Checks the size of text given as text, and the length of every line. */
    static void check(String text, String source) {
        if (text.length() > MAX_BYTES / 4 && Limits.utf8Bytes(text) > MAX_BYTES) {
            throw tooLarge(source);
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new GaleraGenException(new Problem(
                            Input.VALUES,
                            source + ":" + line,
                            String.format(
                                    Locale.ROOT,
                                    "a line of %,d characters is not allowed: at most %,d (one annotation of 256 KiB with "
                                            + "its key; write longer text as a literal block, |)",
                                    i - start,
                                    MAX_LINE)));
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static GaleraGenException tooLarge(String source) {
        return new GaleraGenException(new Problem(
                Input.VALUES,
                source,
                String.format(
                        Locale.ROOT,
                        "more than %,d bytes are not "
                                + "allowed: a values file is at most 1 MiB (every key at its limit fits in less)",
                        MAX_BYTES)));
    }

    private static GaleraGenException notText(
            String source, Encoding encoding, CharBuffer decoded, byte[] bytes, int offset, int length) {
        int line = 1;
        int column = 1;
        while (decoded.hasRemaining()) {
            if (decoded.get() == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        StringJoiner shown = new StringJoiner(" ");
        for (int i = offset; i < Math.min(bytes.length, offset + Math.min(length, 4)); i++) {
            shown.add(String.format("0x%02X", bytes[i] & 0xff));
        }
        return new GaleraGenException(new Problem(
                Input.VALUES,
                source + ":" + line,
                (length == 1 ? "the byte " : "the bytes ")
                        + shown + " (column " + column + ") " + (length == 1 ? "is" : "are") + " not allowed: "
                        + encoding.charset().name() + " text; save the file as UTF-8"));
    }

    /** The encodings YAML allows, told apart by a byte order mark or the zero bytes of the first character. */
    private record Encoding(Charset charset, int bomLength) {

        static Encoding detect(byte[] b) {
            if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
                return new Encoding(UTF_32BE, 4);
            } else if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
                return new Encoding(UTF_32LE, 4);
            } else if (startsWith(b, 0xFE, 0xFF)) {
                return new Encoding(StandardCharsets.UTF_16BE, 2);
            } else if (startsWith(b, 0xFF, 0xFE)) {
                return new Encoding(StandardCharsets.UTF_16LE, 2);
            } else if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
                return new Encoding(StandardCharsets.UTF_8, 3);
            } else if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0) {
                return new Encoding(UTF_32BE, 0);
            } else if (b.length >= 4 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
                return new Encoding(UTF_32LE, 0);
            } else if (b.length >= 2 && b[0] == 0) {
                return new Encoding(StandardCharsets.UTF_16BE, 0);
            } else if (b.length >= 2 && b[1] == 0) {
                return new Encoding(StandardCharsets.UTF_16LE, 0);
            }
            return new Encoding(StandardCharsets.UTF_8, 0);
        }

        private static boolean startsWith(byte[] bytes, int... prefix) {
            if (bytes.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((bytes[i] & 0xff) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
