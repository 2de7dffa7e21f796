package org.openjxc.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.reporting.TaskKind;
import org.openjxc.reporting.TaskRow;
import org.openjxc.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The home page's tasks: one indexed query per kind, oldest first, a page of each. */
@Repository
public class TaskQueries {

    /** How many tasks of a kind are listed. */
    static final int PER_KIND = 20;

    private final JdbcClient jdbc;

    TaskQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Documents in {@code statuses} of {@code types}, within the scope on {@code warehouseColumn};
     * {@code notCreatedBy} leaves out the user's own (segregation of duties), when not null.
     */
    public List<TaskRow> documents(
            long companyId,
            DataScope scope,
            TaskKind kind,
            String status,
            Collection<String> types,
            Long notCreatedBy,
            String extra) {
        if (types.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                select d.id, d.number, d.doc_type, w.code as warehouse, d.doc_date from document d
                left join warehouse w on w.company_id = d.company_id
                     and w.id = case when d.doc_type = 'TRANSFER' and d.status = 'POSTED' then d.to_warehouse_id
                                     else d.warehouse_id end
                where d.company_id = :company and d.status = :status and d.doc_type in (:types)""");
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId, "status", status, "types", types));
        if (notCreatedBy != null) {
            sql.append(" and d.created_by <> :me");
            p.put("me", notCreatedBy);
        }
        sql.append(extra);
        sql.append(
                kind == TaskKind.TO_RECEIVE
                        ? scope.warehouseCondition("d.to_warehouse_id")
                        : scope.documentCondition("d"));
        sql.append(" order by d.doc_date, d.id fetch first " + PER_KIND + " rows only");
        return jdbc.sql(sql.toString())
                .params(p)
                .query((rs, n) -> new TaskRow(
                        kind,
                        "/documents/" + rs.getLong("id"),
                        rs.getString("number"),
                        rs.getString("doc_type"),
                        rs.getString("warehouse"),
                        rs.getObject("doc_date", LocalDate.class)))
                .list();
    }

    /** Counts in {@code status} within the scope; {@code notCreatedBy} as for documents. */
    public List<TaskRow> counts(long companyId, DataScope scope, TaskKind kind, String status, Long notCreatedBy) {
        StringBuilder sql = new StringBuilder("""
                select c.id, c.number, w.code as warehouse, cast(c.created_at as date) as created from stock_count c
                join warehouse w on w.company_id = c.company_id and w.id = c.warehouse_id
                where c.company_id = :company and c.status = :status""");
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId, "status", status));
        if (notCreatedBy != null) {
            sql.append(" and c.created_by <> :me");
            p.put("me", notCreatedBy);
        }
        sql.append(scope.warehouseCondition("c.warehouse_id"));
        sql.append(" order by c.id fetch first " + PER_KIND + " rows only");
        List<TaskRow> rows = new ArrayList<>();
        jdbc.sql(sql.toString())
                .params(p)
                .query((rs, n) -> rows.add(new TaskRow(
                        kind,
                        "/counts/" + rs.getLong("id"),
                        rs.getString("number"),
                        null,
                        rs.getString("warehouse"),
                        rs.getObject("created", LocalDate.class))))
                .list();
        return rows;
    }
}
