package org.openjxc.shared;

import java.util.Map;

/**
 * Paging and sorting of a list request ({@code ?page=0&size=50&sort=field,asc}). The sort field
 * is looked up in a per-list whitelist of SQL expressions, so a client can never inject SQL
 * through it.
 */
public record PageQuery(int page, int size, String sortField, Boolean ascending) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageQuery of(Integer page, Integer size, String sort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw BusinessException.invalid("page", "error.page.negative");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw BusinessException.invalid("size", "error.page.size", MAX_SIZE);
        }
        String field = null;
        Boolean asc = null;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", 2);
            field = parts[0].trim();
            if (parts.length == 2) {
                String direction = parts[1].trim().toLowerCase();
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw BusinessException.invalid("sort", "error.sort.direction");
                }
                asc = direction.equals("asc");
            }
        }
        return new PageQuery(p, s, field, asc);
    }

    public long offset() {
        return (long) page * size;
    }

    /**
     * The ORDER BY clause for this query. {@code columns} maps API field names to SQL; the
     * {@code tieBreaker} keeps paging stable when sort values repeat.
     */
    public String orderBy(Map<String, String> columns, String defaultField, String tieBreaker) {
        return orderBy(columns, defaultField, true, tieBreaker);
    }

    public String orderBy(
            Map<String, String> columns, String defaultField, boolean defaultAscending, String tieBreaker) {
        String field = sortField == null ? defaultField : sortField;
        String column = columns.get(field);
        if (column == null) {
            throw BusinessException.invalid(
                    "sort",
                    "error.sort.field",
                    String.join(", ", columns.keySet().stream().sorted().toList()));
        }
        boolean asc = ascending == null ? (sortField == null ? defaultAscending : true) : ascending;
        return " order by " + column + (asc ? " asc" : " desc") + ", " + tieBreaker;
    }

    public String limitOffset() {
        return " limit " + size + " offset " + offset();
    }
}
