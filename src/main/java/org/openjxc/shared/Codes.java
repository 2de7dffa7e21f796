package org.openjxc.shared;

/**
 * Business codes (item, partner, warehouse …) appear in URLs and imports, so they may not contain
 * blanks or URL delimiters. The pattern is used by Bean Validation on every command.
 */
public final class Codes {

    /** Letters (any script), digits and {@code - _ . : +}, 1 to 40 characters. */
    public static final String PATTERN = "[\\p{L}\\p{N}_.:+-]{1,40}";

    private Codes() {}

    public static boolean isValid(String code) {
        return code != null && code.matches(PATTERN);
    }
}
