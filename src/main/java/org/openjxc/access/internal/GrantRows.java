package org.openjxc.access.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.openjxc.access.TemporaryGrantView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Temporary grants: inserted and revoked, never deleted. */
@Repository
public class GrantRows {

    private final JdbcClient jdbc;
    private final TokenCache tokens;

    GrantRows(JdbcClient jdbc, TokenCache tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    public long insert(
            long companyId,
            long userId,
            long roleId,
            Long warehouseId,
            OffsetDateTime until,
            String reason,
            long grantedBy,
            OffsetDateTime now) {
        tokens.accessChanged();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into temporary_grant (company_id, user_id, role_id, warehouse_id, valid_until, reason,
                                                     granted_by, granted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(companyId, userId, roleId, warehouseId, until, reason, grantedBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean revoke(long companyId, long userId, long id, OffsetDateTime now) {
        tokens.accessChanged();
        return jdbc.sql("""
                                update temporary_grant set revoked_at = ?
                                where company_id = ? and user_id = ? and id = ? and revoked_at is null""").params(now, companyId, userId, id).update() == 1;
    }

    public List<TemporaryGrantView> ofUser(long companyId, long userId, OffsetDateTime now) {
        return jdbc.sql(VIEW + " where g.company_id = ? and g.user_id = ? order by g.granted_at desc, g.id desc")
                .params(now, companyId, userId)
                .query(TemporaryGrantView.class)
                .list();
    }

    public Optional<TemporaryGrantView> find(long companyId, long id, OffsetDateTime now) {
        return jdbc.sql(VIEW + " where g.company_id = ? and g.id = ?")
                .params(now, companyId, id)
                .query(TemporaryGrantView.class)
                .optional();
    }

    private static final String VIEW = """
            select g.id, u.username, r.code as role, w.code as warehouse, g.valid_until as until, g.reason,
                   gb.username as granted_by, g.granted_at, g.revoked_at,
                   case when g.revoked_at is null and g.valid_until > ? then true else false end as active
            from temporary_grant g
            join app_user u on u.id = g.user_id
            join role r on r.id = g.role_id
            left join warehouse w on w.company_id = g.company_id and w.id = g.warehouse_id
            left join app_user gb on gb.id = g.granted_by""";
}
