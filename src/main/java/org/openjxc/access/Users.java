package org.openjxc.access;

import java.util.ArrayList;
import java.util.List;
import org.openjxc.access.internal.Roles;
import org.openjxc.access.internal.UserAccounts;
import org.openjxc.audit.AuditLog;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists and disables users of the acting user's company. */
@Service
public class Users {

    private final UserAccounts accounts;
    private final Roles roles;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    Users(UserAccounts accounts, Roles roles, PasswordEncoder passwords, AuditLog audit) {
        this.accounts = accounts;
        this.roles = roles;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional
    public UserView create(Actor actor, NewUser command) {
        List<FieldViolation> violations = new ArrayList<>();
        List<Long> roleIds = new ArrayList<>();
        List<String> requested = command.rolesOrEmpty();
        for (int i = 0; i < requested.size(); i++) {
            var id = roles.findId(actor.companyId(), requested.get(i));
            if (id.isEmpty()) {
                violations.add(FieldViolation.of("roles[" + i + "]", "error.role.unknown", requested.get(i)));
            } else {
                roleIds.add(id.get());
            }
        }
        if (!violations.isEmpty()) {
            throw BusinessException.invalid(violations);
        }
        if (accounts.exists(command.username())) {
            throw BusinessException.duplicateCode("User", "username", command.username());
        }
        long id = accounts.insert(
                actor.companyId(), command.username(), passwords.encode(command.password()), command.displayName());
        for (long roleId : roleIds) {
            roles.grant(actor.companyId(), id, roleId);
        }
        UserView created = get(actor, command.username());
        audit.record("CREATE", "User", command.username(), null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public UserView get(Actor actor, String username) {
        return accounts.findView(actor.companyId(), username)
                .orElseThrow(() -> BusinessException.notFound("User", username));
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> list(Actor actor, String search, PageQuery page) {
        return accounts.list(actor.companyId(), search, page);
    }

    @Transactional
    public UserView disable(Actor actor, String username) {
        UserView before = get(actor, username);
        if (username.equals(actor.username())) {
            throw new BusinessException(org.openjxc.shared.ErrorCode.INVALID_STATE, "error.user.disableSelf");
        }
        accounts.setEnabled(actor.companyId(), username, false);
        UserView after = get(actor, username);
        audit.record("DISABLE", "User", username, before, after);
        return after;
    }

    /** Creates the built-in roles of a new company. */
    @Transactional
    public void provisionRoles(long companyId) {
        for (BuiltInRole role : BuiltInRole.values()) {
            roles.createBuiltIn(companyId, role);
        }
    }

    /** Creates a user with the given built-in roles, for first start and demo data. */
    @Transactional
    public long createSystemUser(
            long companyId, String username, String rawPassword, String displayName, List<BuiltInRole> builtInRoles) {
        long id = accounts.insert(companyId, username, passwords.encode(rawPassword), displayName);
        for (BuiltInRole role : builtInRoles) {
            roles.grant(companyId, id, roles.findId(companyId, role.name()).orElseThrow());
        }
        audit.recordAs(
                companyId,
                null,
                "system",
                "CREATE",
                "User",
                username,
                null,
                java.util.Map.of("username", username, "roles", builtInRoles));
        return id;
    }

    /** The id of a user, for system jobs that act in a user's name. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> idOf(String username) {
        return accounts.loadForLogin(username).map(u -> u.userId());
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.exists(username);
    }
}
