package org.openjxc.access.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openjxc.access.UserView;
import org.openjxc.shared.DataScope;
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
                        select id, company_id, username, display_name, password_hash, enabled, locked_until,
                               must_change_password, own_documents_only
                        from app_user where username = ?""")
                .param(username)
                .query((rs, n) -> principal(rs, rs.getString("password_hash")))
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
                        select u.id, u.company_id, u.username, u.display_name, u.enabled, u.locked_until,
                               u.must_change_password, u.own_documents_only, t.expires_at
                        from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.enabled""")
                .params(tokenHash, now)
                .query((rs, n) -> new Found(principal(rs, null), rs.getObject("expires_at", OffsetDateTime.class)))
                .optional();
        found.ifPresent(f -> {
            OffsetDateTime until = f.expiresAt();
            if (f.user().validUntil() != null && f.user().validUntil().isBefore(until)) {
                until = f.user().validUntil();
            }
            tokens.put(tokenHash, f.user(), until, generation);
        });
        return found.map(Found::user);
    }

    private AuthenticatedUser principal(ResultSet rs, String passwordHash) throws SQLException {
        long companyId = rs.getLong("company_id");
        long userId = rs.getLong("id");
        return new AuthenticatedUser(
                userId,
                companyId,
                rs.getString("username"),
                rs.getString("display_name"),
                passwordHash,
                rs.getBoolean("enabled"),
                rs.getObject("locked_until", OffsetDateTime.class),
                rs.getBoolean("must_change_password"),
                access(companyId, userId, rs.getBoolean("own_documents_only"), OffsetDateTime.now()));
    }

    /**
     * What a user may do and where, as of {@code now}: permissions of their roles and of current
     * temporary grants (those for one warehouse count only there), and their data scope.
     */
    public AuthenticatedUser.UserAccess access(long companyId, long userId, boolean ownOnly, OffsetDateTime now) {
        Set<String> permissions = new HashSet<>(permissions(companyId, userId));
        Map<String, Set<Long>> warehouseOnly = new HashMap<>();
        record Grant(String permission, Long warehouseId, OffsetDateTime until) {}
        List<Grant> grants = jdbc.sql("""
                        select rp.permission, g.warehouse_id, g.valid_until from temporary_grant g
                        join role_permission rp on rp.company_id = g.company_id and rp.role_id = g.role_id
                        where g.company_id = ? and g.user_id = ? and g.revoked_at is null and g.valid_until > ?""")
                .params(companyId, userId, now)
                .query((rs, n) -> new Grant(
                        rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getObject(3, OffsetDateTime.class)))
                .list();
        OffsetDateTime validUntil = null;
        Set<String> everywhere = new HashSet<>(permissions);
        for (Grant g : grants) {
            if (validUntil == null || g.until().isBefore(validUntil)) {
                validUntil = g.until();
            }
            if (g.warehouseId() == null) {
                everywhere.add(g.permission());
            }
        }
        for (Grant g : grants) {
            if (g.warehouseId() != null && !everywhere.contains(g.permission())) {
                warehouseOnly
                        .computeIfAbsent(g.permission(), k -> new HashSet<>())
                        .add(g.warehouseId());
            }
            permissions.add(g.permission());
        }
        Set<Long> warehouses = scopeWarehouses(companyId, userId);
        DataScope scope;
        if (warehouses == null) {
            scope = new DataScope(true, Set.of(), ownOnly, userId);
        } else {
            grants.stream().map(Grant::warehouseId).filter(Objects::nonNull).forEach(warehouses::add);
            scope = new DataScope(false, warehouses, ownOnly, userId);
        }
        return new AuthenticatedUser.UserAccess(Set.copyOf(permissions), warehouseOnly, scope, validUntil);
    }

    /** The warehouses granted directly and through org units (with their sub-units), or null for all. */
    private Set<Long> scopeWarehouses(long companyId, long userId) {
        List<Long> units = jdbc.sql("select org_unit_id from user_org_unit where company_id = ? and user_id = ?")
                .params(companyId, userId)
                .query(Long.class)
                .list();
        Set<Long> warehouses =
                new HashSet<>(jdbc.sql("select warehouse_id from user_warehouse where company_id = ? and user_id = ?")
                        .params(companyId, userId)
                        .query(Long.class)
                        .list());
        if (units.isEmpty() && warehouses.isEmpty()) {
            return null;
        }
        if (!units.isEmpty()) {
            Map<Long, List<Long>> children = new HashMap<>();
            jdbc.sql("select id, parent_id from org_unit where company_id = ? and parent_id is not null")
                    .param(companyId)
                    .query((rs, n) -> children.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(rs.getLong(1)))
                    .list();
            Set<Long> all = new HashSet<>();
            Deque<Long> todo = new ArrayDeque<>(units);
            while (!todo.isEmpty()) {
                Long unit = todo.pop();
                if (all.add(unit)) {
                    todo.addAll(children.getOrDefault(unit, List.of()));
                }
            }
            warehouses.addAll(jdbc
                    .sql("select id, org_unit_id from warehouse where company_id = ?")
                    .param(companyId)
                    .query((rs, n) -> all.contains(rs.getLong(2)) ? rs.getLong(1) : null)
                    .list()
                    .stream()
                    .filter(Objects::nonNull)
                    .toList());
        }
        return warehouses;
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

    public Optional<Long> idOf(long companyId, String username) {
        return jdbc.sql("select id from app_user where company_id = ? and username = ?")
                .params(companyId, username)
                .query(Long.class)
                .optional();
    }

    /** Changes name and "own documents only" if the version matches; false if it did not. */
    public boolean update(long companyId, long userId, String displayName, boolean ownDocumentsOnly, int version) {
        tokens.accessChanged();
        return jdbc.sql("""
                                update app_user set display_name = ?, own_documents_only = ?, version = version + 1
                                where company_id = ? and id = ? and version = ?""")
                        .params(displayName, ownDocumentsOnly, companyId, userId, version)
                        .update()
                == 1;
    }

    /** Replaces the user's data scope: the org units and warehouses granted. */
    public void replaceScope(long companyId, long userId, List<Long> orgUnitIds, List<Long> warehouseIds) {
        tokens.accessChanged();
        jdbc.sql("delete from user_org_unit where company_id = ? and user_id = ?")
                .params(companyId, userId)
                .update();
        jdbc.sql("delete from user_warehouse where company_id = ? and user_id = ?")
                .params(companyId, userId)
                .update();
        for (long id : new java.util.TreeSet<>(orgUnitIds)) {
            jdbc.sql("insert into user_org_unit (company_id, user_id, org_unit_id) values (?, ?, ?)")
                    .params(companyId, userId, id)
                    .update();
        }
        for (long id : new java.util.TreeSet<>(warehouseIds)) {
            jdbc.sql("insert into user_warehouse (company_id, user_id, warehouse_id) values (?, ?, ?)")
                    .params(companyId, userId, id)
                    .update();
        }
    }

    /** Sets a new password hash; {@code mustChange} makes the user choose their own at the next login. */
    public void setPassword(long companyId, String username, String hash, boolean mustChange) {
        tokens.accessChanged();
        jdbc.sql("""
                        update app_user set password_hash = ?, must_change_password = ?, password_changed_at = ?,
                               failed_logins = 0, locked_until = null, version = version + 1
                        where company_id = ? and username = ?""")
                .params(hash, mustChange, OffsetDateTime.now(), companyId, username)
                .update();
    }

    public String passwordHash(long companyId, String username) {
        return jdbc.sql("select password_hash from app_user where company_id = ? and username = ?")
                .params(companyId, username)
                .query(String.class)
                .single();
    }

    public void unlock(long companyId, String username) {
        tokens.accessChanged();
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where company_id = ? and username = ?")
                .params(companyId, username)
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
                   u.locked_until, u.created_at, u.own_documents_only, u.version,
                   array(select r.code from user_role ur join role r on r.id = ur.role_id
                         where ur.company_id = u.company_id and ur.user_id = u.id order by r.code) as roles,
                   array(select o.code from user_org_unit uo
                         join org_unit o on o.company_id = uo.company_id and o.id = uo.org_unit_id
                         where uo.company_id = u.company_id and uo.user_id = u.id order by o.code) as org_units,
                   array(select w.code from user_warehouse uw
                         join warehouse w on w.company_id = uw.company_id and w.id = uw.warehouse_id
                         where uw.company_id = u.company_id and uw.user_id = u.id order by w.code) as warehouses
            from app_user u""";

    private static UserView mapView(ResultSet rs, int row) throws SQLException {
        return new UserView(
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                toList(rs.getArray("roles")),
                toList(rs.getArray("org_units")),
                toList(rs.getArray("warehouses")),
                rs.getBoolean("own_documents_only"),
                rs.getObject("last_login_at", OffsetDateTime.class),
                rs.getObject("locked_until", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private static List<String> toList(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}
