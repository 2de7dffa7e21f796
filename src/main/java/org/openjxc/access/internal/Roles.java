package org.openjxc.access.internal;

import java.util.List;
import java.util.Optional;
import org.openjxc.access.BuiltInRole;
import org.openjxc.shared.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Roles, their permission codes and their grants to users. */
@Repository
public class Roles {

    private final JdbcClient jdbc;
    private final TokenCache tokens;

    Roles(JdbcClient jdbc, TokenCache tokens) {
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
}
