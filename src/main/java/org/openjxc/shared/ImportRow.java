package org.openjxc.shared;

import java.util.Map;

/**
 * One data row of an imported file: its row number as the user sees it in their spreadsheet
 * (the header is row 1) and its values by column name; blank cells are absent.
 */
public record ImportRow(int number, Map<String, String> values) {

    public String get(String column) {
        return values.get(column);
    }

    public boolean has(String column) {
        String v = values.get(column);
        return v != null && !v.isBlank();
    }
}
