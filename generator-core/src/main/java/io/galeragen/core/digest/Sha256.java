package io.galeragen.core.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as galera-gen uses it: the ConfigMap's content hash, the up-to-date fingerprint and the file hashes of the
 * state file, the names of cached schemas. Text is hashed as UTF-8; hashes are lowercase hex.
 */
public final class Sha256 {

    private Sha256() {}

    /** A new SHA-256 digest, for hashing in several steps. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A copy of a digest part-way through, to go on from a common start (the JDK's SHA-256 can be cloned). */
    public static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest's hash so far, as hex; the digest is reset. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Adds a named part ({@code name NUL value NUL}), so that no two different sequences of parts hash alike. */
    public static void update(MessageDigest digest, String name, String value) {
        digest.update((name + "\0" + value + "\0").getBytes(StandardCharsets.UTF_8));
    }
}
