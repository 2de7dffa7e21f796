package org.openjxc.access.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.access.UserView;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The app_user table and the permissions its roles grant. */
@Repository
public class UserAccounts {

    private static final Map<String, String> SORTS = Map.of(
            "username", "u.username",
            "displayName", "u.display_name",
            "createdAt", "u.created_at",
            "lastLoginAt", "u.last_login_at");

    private final JdbcClient jdbc;
    private final TokenCache tokens;

    UserAccounts(JdbcClient jdbc, TokenCache tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    public long insert(long companyId, String username, String passwordHash, String displayName) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into app_user (company_id, username, password_hash, display_name) values (?, ?, ?, ?)")
                .params(companyId, username, passwordHash, displayName)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(?)")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<AuthenticatedUser> loadForLogin(String username) {
        return jdbc.sql("""
                        select id, company_id, username, display_name, password_hash, enabled, locked_until
                        from app_user where username = ?""")
                .param(username)
                .query((rs, n) -> new AuthenticatedUser(
                        rs.getLong("id"),
                        rs.getLong("company_id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        rs.getObject("locked_until", OffsetDateTime.class),
                        permissions(rs.getLong("company_id"), rs.getLong("id"))))
                .optional();
    }

    /** The user behind a valid, unrevoked, unexpired token hash, with current permissions. */
    public Optional<AuthenticatedUser> loadForToken(String tokenHash, OffsetDateTime now) {
        var cached = tokens.get(tokenHash, now);
        if (cached.isPresent()) {
            return cached;
        }
        long generation = tokens.generation();
        record Found(AuthenticatedUser user, OffsetDateTime expiresAt) {}
        Optional<Found> found = jdbc.sql("""
                        select u.id, u.company_id, u.username, u.display_name, u.enabled, u.locked_until, t.expires_at
                        from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.enabled""")
                .params(tokenHash, now)
                .query((rs, n) -> new Found(
                        new AuthenticatedUser(
                                rs.getLong("id"),
                                rs.getLong("company_id"),
                                rs.getString("username"),
                                rs.getString("display_name"),
                                null,
                                rs.getBoolean("enabled"),
                                rs.getObject("locked_until", OffsetDateTime.class),
                                permissions(rs.getLong("company_id"), rs.getLong("id"))),
                        rs.getObject("expires_at", OffsetDateTime.class)))
                .optional();
        found.ifPresent(f -> tokens.put(tokenHash, f.user(), f.expiresAt(), generation));
        return found.map(Found::user);
    }

    public List<String> permissions(long companyId, long userId) {
        return jdbc.sql("""
                        select distinct rp.permission from user_role ur
                        join role_permission rp on rp.company_id = ur.company_id and rp.role_id = ur.role_id
                        where ur.company_id = ? and ur.user_id = ?""").params(companyId, userId).query(String.class).list();
    }

    /** Counts a failed login; returns the number of consecutive failures now recorded. */
    public int recordFailedLogin(String username) {
        jdbc.sql("update app_user set failed_logins = failed_logins + 1 where username = ?")
                .param(username)
                .update();
        return jdbc.sql("select failed_logins from app_user where username = ?")
                .param(username)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    public void lockUntil(String username, OffsetDateTime until) {
        tokens.accessChanged();
        jdbc.sql("update app_user set locked_until = ? where username = ?")
                .params(until, username)
                .update();
    }

    public void recordSuccessfulLogin(String username, OffsetDateTime at) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null, last_login_at = ? where username = ?")
                .params(at, username)
                .update();
    }

    public void setEnabled(long companyId, String username, boolean enabled) {
        tokens.accessChanged();
        jdbc.sql("update app_user set enabled = ?, version = version + 1 where company_id = ? and username = ?")
                .params(enabled, companyId, username)
                .update();
    }

    public Optional<UserView> findView(long companyId, String username) {
        return jdbc.sql(VIEW_SQL + " where u.company_id = ? and u.username = ?")
                .params(companyId, username)
                .query(UserAccounts::mapView)
                .optional();
    }

    public PageResult<UserView> list(long companyId, String search, PageQuery page) {
        String where = " where u.company_id = ?";
        List<Object> params = new ArrayList<>(List.of(companyId));
        if (search != null && !search.isBlank()) {
            where += " and (u.username ilike ? or u.display_name ilike ?)";
            String like = org.openjxc.shared.SearchText.contains(search);
            params.add(like);
            params.add(like);
        }
        long total = jdbc.sql("select count(*) from app_user u" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<UserView> rows = jdbc.sql(VIEW_SQL + where + page.orderBy(SORTS, "username", "u.id") + page.limitOffset())
                .params(params)
                .query(UserAccounts::mapView)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    // Role codes are aggregated with a correlated subquery: string_agg/listagg differ between
    // PostgreSQL and H2, while array_agg over a subquery works on both and avoids N+1.
    private static final String VIEW_SQL = """
            select u.username, u.display_name, u.enabled, u.must_change_password, u.last_login_at,
                   u.locked_until, u.created_at,
                   array(select r.code from user_role ur join role r on r.id = ur.role_id
                         where ur.company_id = u.company_id and ur.user_id = u.id order by r.code) as roles
            from app_user u""";

    private static UserView mapView(ResultSet rs, int row) throws SQLException {
        return new UserView(
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                toList(rs.getArray("roles")),
                rs.getObject("last_login_at", OffsetDateTime.class),
                rs.getObject("locked_until", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static List<String> toList(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}
