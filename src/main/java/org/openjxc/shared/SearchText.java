package org.openjxc.shared;

import net.sourceforge.pinyin4j.PinyinHelper;

/** Search helpers shared by lists: pinyin initials and LIKE patterns that treat input as text. */
public final class SearchText {

    private SearchText() {}

    /**
     * Lower-case pinyin initials of a name, other characters kept: {@code 可口可乐 330ml} becomes
     * {@code kkkl 330ml}. Stored beside names so lists find Chinese names by their initials.
     */
    public static String initials(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            String[] readings = c >= 0x4e00 && c <= 0x9fff ? PinyinHelper.toHanyuPinyinStringArray(c) : null;
            if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                sb.append(readings[0].charAt(0));
            } else {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.length() > 200 ? sb.substring(0, 200) : sb.toString();
    }

    /** A {@code %…%} pattern in which the user's {@code %}, {@code _} and {@code \} match themselves. */
    public static String contains(String text) {
        return "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
