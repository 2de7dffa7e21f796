package org.openjxc.access;

import java.util.ArrayList;
import java.util.List;
import org.openjxc.access.internal.RoleRows;
import org.openjxc.audit.AuditLog;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles and their permissions (API.md "Access and audit"). Built-in roles are templates kept
 * by the release; a company copies one into a custom role to change it. Nobody puts into a role
 * a permission they do not hold themselves.
 */
@Service
public class Roles {

    private static final String ENTITY = "Role";

    private final RoleRows rows;
    private final AuditLog audit;

    Roles(RoleRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<RoleView> list(Actor actor) {
        return rows.list(actor.companyId());
    }

    @Transactional(readOnly = true)
    public RoleView get(Actor actor, String code) {
        return rows.find(actor.companyId(), code).orElseThrow(() -> BusinessException.notFound(ENTITY, code));
    }

    @Transactional
    public RoleView create(Actor actor, RoleCommand command) {
        check(command);
        if (rows.findId(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        long id = rows.insert(actor.companyId(), command.code(), command.name().trim());
        rows.replacePermissions(actor.companyId(), id, command.permissions());
        RoleView created = get(actor, command.code());
        audit.record("CREATE", ENTITY, command.code(), null, created);
        return created;
    }

    /** Renames a custom role and replaces its permissions; its code stays. */
    @Transactional
    public RoleView update(Actor actor, String code, RoleCommand command) {
        RoleView before = get(actor, code);
        if (before.builtIn()) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.role.builtIn", code);
        }
        if (!code.equals(command.code())) {
            throw BusinessException.invalid("code", "error.document.typeFixed", code);
        }
        check(command);
        long id = rows.findId(actor.companyId(), code).orElseThrow();
        rows.rename(actor.companyId(), id, command.name().trim());
        rows.replacePermissions(actor.companyId(), id, command.permissions());
        RoleView after = get(actor, code);
        audit.record("UPDATE", ENTITY, code, before, after);
        return after;
    }

    @Transactional
    public void delete(Actor actor, String code) {
        RoleView before = get(actor, code);
        if (before.builtIn()) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.role.builtIn", code);
        }
        if (!rows.deleteUnused(
                actor.companyId(), rows.findId(actor.companyId(), code).orElseThrow())) {
            throw new BusinessException(ErrorCode.REFERENCED, "error.role.inUse", code);
        }
        audit.record("DELETE", ENTITY, code, before, null);
    }

    /** Every permission point of this release, grouped for the matrix page. */
    public List<PermissionView> permissions() {
        List<PermissionView> all = new ArrayList<>();
        for (Permission p : Permission.values()) {
            all.add(new PermissionView(p.name(), p.group(), p.name()));
        }
        return all;
    }

    private static void check(RoleCommand command) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < command.permissions().size(); i++) {
            String code = command.permissions().get(i);
            if (!Permission.known(code)) {
                violations.add(FieldViolation.of("permissions[" + i + "]", "error.permission.unknown", code));
            } else if (!Actors.has(Permission.valueOf(code))) {
                violations.add(FieldViolation.of("permissions[" + i + "]", "error.permission.beyondOwn", code));
            }
        }
        if (!violations.isEmpty()) {
            throw BusinessException.invalid(violations);
        }
    }
}
