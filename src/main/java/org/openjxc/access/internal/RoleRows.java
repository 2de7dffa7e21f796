package org.openjxc.access.internal;

import java.util.List;
import java.util.Optional;
import org.openjxc.access.BuiltInRole;
import org.openjxc.access.RoleView;
import org.openjxc.shared.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Roles, their permission codes and their grants to users. */
@Repository
public class RoleRows {

    private final JdbcClient jdbc;
    private final TokenCache tokens;

    RoleRows(JdbcClient jdbc, TokenCache tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    public Optional<Long> findId(long companyId, String code) {
        return jdbc.sql("select id from role where company_id = ? and code = ?")
                .params(companyId, code)
                .query(Long.class)
                .optional();
    }

    public void createBuiltIn(long companyId, BuiltInRole role) {
        tokens.accessChanged();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into role (company_id, code, name, built_in) values (?, ?, ?, true)")
                .params(companyId, role.name(), role.name())
                .update(keys, "id");
        long roleId = keys.getKey().longValue();
        List<Permission> permissions = role.permissions().stream().sorted().toList();
        for (Permission permission : permissions) {
            jdbc.sql("insert into role_permission (company_id, role_id, permission) values (?, ?, ?)")
                    .params(companyId, roleId, permission.name())
                    .update();
        }
    }

    /**
     * Built-in roles hold what their template holds, also permissions added by a later release:
     * called on every start, it inserts what is missing and never removes anything.
     */
    public void completeBuiltInRoles() {
        tokens.accessChanged();
        for (BuiltInRole role : BuiltInRole.values()) {
            for (Permission permission : role.permissions()) {
                jdbc.sql("""
                                insert into role_permission (company_id, role_id, permission)
                                select r.company_id, r.id, ? from role r
                                where r.code = ? and r.built_in
                                  and not exists (select 1 from role_permission rp
                                                  where rp.company_id = r.company_id and rp.role_id = r.id
                                                    and rp.permission = ?)""")
                        .params(permission.name(), role.name(), permission.name())
                        .update();
            }
        }
    }

    public void grant(long companyId, long userId, long roleId) {
        tokens.accessChanged();
        jdbc.sql("insert into user_role (company_id, user_id, role_id) values (?, ?, ?)")
                .params(companyId, userId, roleId)
                .update();
    }

    /** Replaces the roles a user holds. */
    public void replaceGrants(long companyId, long userId, List<Long> roleIds) {
        tokens.accessChanged();
        jdbc.sql("delete from user_role where company_id = ? and user_id = ?")
                .params(companyId, userId)
                .update();
        for (long roleId : new java.util.TreeSet<>(roleIds)) {
            grant(companyId, userId, roleId);
        }
    }

    public List<RoleView> list(long companyId) {
        return jdbc.sql(VIEW + " where r.company_id = ? order by r.built_in desc, r.code")
                .param(companyId)
                .query(RoleRows::view)
                .list();
    }

    public Optional<RoleView> find(long companyId, String code) {
        return jdbc.sql(VIEW + " where r.company_id = ? and r.code = ?")
                .params(companyId, code)
                .query(RoleRows::view)
                .optional();
    }

    public long insert(long companyId, String code, String name) {
        tokens.accessChanged();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into role (company_id, code, name, built_in) values (?, ?, ?, false)")
                .params(companyId, code, name)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void rename(long companyId, long roleId, String name) {
        jdbc.sql("update role set name = ? where company_id = ? and id = ?")
                .params(name, companyId, roleId)
                .update();
    }

    public void replacePermissions(long companyId, long roleId, List<String> permissions) {
        tokens.accessChanged();
        jdbc.sql("delete from role_permission where company_id = ? and role_id = ?")
                .params(companyId, roleId)
                .update();
        for (String permission : new java.util.TreeSet<>(permissions)) {
            jdbc.sql("insert into role_permission (company_id, role_id, permission) values (?, ?, ?)")
                    .params(companyId, roleId, permission)
                    .update();
        }
    }

    /** Deletes a role nobody holds, not even by a temporary grant (ended ones stay as history). */
    public boolean deleteUnused(long companyId, long roleId) {
        tokens.accessChanged();
        long used = jdbc.sql("""
                        select (select count(*) from user_role where company_id = ? and role_id = ?)
                             + (select count(*) from temporary_grant where company_id = ? and role_id = ?)""")
                .params(companyId, roleId, companyId, roleId)
                .query(Long.class)
                .single();
        if (used > 0) {
            return false;
        }
        jdbc.sql("delete from role_permission where company_id = ? and role_id = ?")
                .params(companyId, roleId)
                .update();
        jdbc.sql("delete from role where company_id = ? and id = ?")
                .params(companyId, roleId)
                .update();
        return true;
    }

    private static final String VIEW = """
            select r.code, r.name, r.built_in,
                   array(select rp.permission from role_permission rp
                         where rp.company_id = r.company_id and rp.role_id = r.id order by rp.permission) as permissions,
                   (select count(*) from user_role ur where ur.company_id = r.company_id and ur.role_id = r.id) as users
            from role r""";

    private static RoleView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Object[] permissions = (Object[]) rs.getArray("permissions").getArray();
        return new RoleView(
                rs.getString("code"),
                rs.getString("name"),
                rs.getBoolean("built_in"),
                java.util.Arrays.stream(permissions).map(String::valueOf).toList(),
                rs.getLong("users"));
    }
}
