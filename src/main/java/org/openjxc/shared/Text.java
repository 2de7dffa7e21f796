package org.openjxc.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small text helpers every feature needs the same way. */
public final class Text {

    private Text() {}

    /** The trimmed text, or null when there is none: how optional fields are stored. */
    public static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** SHA-256 of the parts in order, as lower-case hex. */
    public static String sha256Hex(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
