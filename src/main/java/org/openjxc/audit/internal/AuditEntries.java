package org.openjxc.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openjxc.audit.AuditEntry;
import org.openjxc.audit.AuditMarker;
import org.openjxc.audit.AuditQuery;
import org.openjxc.shared.Database;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_log table. Only inserts and reads: entries are never changed or removed. */
@Repository
public class AuditEntries {

    private static final Map<String, String> SORTS = Map.of(
            "occurredAt", "occurred_at",
            "user", "username",
            "action", "action",
            "entity", "entity_type");

    private static final String INSERT_HEAD = """
            insert into audit_log (company_id, occurred_at, user_id, username, client_ip, user_agent,
                                   action, entity_type, entity_key, before_json, after_json, marker)
            values\s""";

    private static final String INSERT = INSERT_HEAD + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** An entry to insert, of a company. */
    public record NewEntry(long companyId, AuditEntry entry) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;

    AuditEntries(JdbcClient jdbc, JdbcTemplate template, Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.database = database;
    }

    /** Inserts the entries in their order, in one batch. */
    public void insert(List<NewEntry> batch) {
        template.batchUpdate(INSERT, batch.stream().map(AuditEntries::values).toList());
    }

    /**
     * Inserts the entries and commits the current transaction with them, in one round trip, on
     * PostgreSQL: for a transaction's last work before its commit. The driver then knows the
     * transaction ended and its own commit sends nothing; if the insert fails, the server skips the
     * commit and the transaction is rolled back as it would have been. On H2, and for more entries
     * than one statement's parameters allow (a bulk import's), {@link #insert}: the transaction
     * manager then commits as usual.
     */
    public void insertAndCommit(List<NewEntry> batch) {
        if (!database.postgres() || batch.size() > 1_000) {
            insert(batch);
            return;
        }
        String rows =
                String.join(",", java.util.Collections.nCopies(batch.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        Object[] values =
                batch.stream().map(AuditEntries::values).flatMap(Arrays::stream).toArray();
        template.execute(INSERT_HEAD + rows + ";\ncommit", (java.sql.PreparedStatement ps) -> {
            new ArgumentPreparedStatementSetter(values).setValues(ps);
            ps.execute();
            return null;
        });
    }

    // Typed, so that a null does not change the statement's parameter types: the driver prepares
    // the statement anew whenever they change (every other entry has no before).
    private static Object[] values(NewEntry n) {
        AuditEntry e = n.entry();
        return new Object[] {
            n.companyId(),
            e.occurredAt(),
            new SqlParameterValue(Types.BIGINT, e.userId()),
            text(e.username()),
            text(e.clientIp()),
            text(e.userAgent()),
            e.action(),
            e.entityType(),
            e.entityKey(),
            text(e.before()),
            text(e.after()),
            text(e.marker() == null ? null : e.marker().name())
        };
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    public PageResult<AuditEntry> find(long companyId, AuditQuery q, PageQuery page) {
        StringBuilder where = new StringBuilder(" where company_id = ?");
        List<Object> params = new ArrayList<>(List.of(companyId));
        if (q.user() != null && !q.user().isBlank()) {
            where.append(" and username = ?");
            params.add(q.user().trim());
        }
        if (q.entity() != null && !q.entity().isBlank()) {
            where.append(" and entity_type = ?");
            params.add(q.entity().trim());
        }
        if (q.key() != null && !q.key().isBlank()) {
            where.append(" and entity_key = ?");
            params.add(q.key().trim());
        }
        if (q.action() != null && !q.action().isBlank()) {
            where.append(" and action = ?");
            params.add(q.action().trim());
        }
        if (q.marker() != null) {
            where.append(" and marker = ?");
            params.add(q.marker().name());
        }
        if (q.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(q.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(q.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.sql("select count(*) from audit_log" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEntry> rows = jdbc.sql("select * from audit_log" + where
                        + page.orderBy(SORTS, "occurredAt", false, "id desc")
                        + page.limitOffset())
                .params(params)
                .query(AuditEntries::map)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class),
                (Long) rs.getObject("user_id", Long.class),
                rs.getString("username"),
                rs.getString("client_ip"),
                rs.getString("user_agent"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_key"),
                rs.getString("before_json"),
                rs.getString("after_json"),
                rs.getString("marker") == null ? null : AuditMarker.valueOf(rs.getString("marker")));
    }
}
