package org.openjxc.shared;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which warehouses' data a user may see and change (API.md "Access and audit"): the whole
 * company, or the warehouses granted directly and through org units, optionally only the
 * documents the user created. Queries add {@link #warehouseCondition} or {@link
 * #documentCondition} to their SQL so the filter happens in the database, not after loading.
 * Ids are numbers from our own tables, so they are written into the SQL text safely.
 */
public record DataScope(boolean wholeCompany, Set<Long> warehouseIds, boolean ownDocumentsOnly, long userId) {

    public DataScope {
        warehouseIds = Set.copyOf(warehouseIds);
    }

    /** Everything of the company: administrators, owners and system jobs. */
    public static DataScope wholeCompany(long userId) {
        return new DataScope(true, Set.of(), false, userId);
    }

    public boolean covers(Long warehouseId) {
        return wholeCompany || (warehouseId != null && warehouseIds.contains(warehouseId));
    }

    /** Whether any warehouse at all is limited away from this user. */
    public boolean restricted() {
        return !wholeCompany || ownDocumentsOnly;
    }

    /**
     * Refuses (403) what covers the whole company — the books, company-wide checks — to a user
     * limited to some warehouses: it would show them all.
     */
    public void requireWholeCompany() {
        if (restricted()) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.scope.wholeCompany");
        }
    }

    /** {@code " and <column> in (…)"}, or nothing for the whole company; never matches with no warehouses. */
    public String warehouseCondition(String column) {
        if (wholeCompany) {
            return "";
        }
        return " and " + inList(column);
    }

    /**
     * The condition for a document row: one of its warehouses in scope (a transfer is seen by
     * both sides) and, for "own documents only", created by this user.
     */
    public String documentCondition(String alias) {
        StringBuilder sql = new StringBuilder();
        if (!wholeCompany) {
            sql.append(" and (")
                    .append(inList(alias + ".warehouse_id"))
                    .append(" or ")
                    .append(inList(alias + ".to_warehouse_id"))
                    .append(')');
        }
        if (ownDocumentsOnly) {
            sql.append(" and ").append(alias).append(".created_by = ").append(userId);
        }
        return sql.toString();
    }

    /** Whether a document with these warehouses and creator is within scope. */
    public boolean coversDocument(Long warehouseId, Long toWarehouseId, long createdBy) {
        boolean place = covers(warehouseId) || (toWarehouseId != null && covers(toWarehouseId));
        return place && (!ownDocumentsOnly || createdBy == userId);
    }

    private String inList(String column) {
        if (warehouseIds.isEmpty()) {
            return "1 = 0";
        }
        return column + " in ("
                + warehouseIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}
