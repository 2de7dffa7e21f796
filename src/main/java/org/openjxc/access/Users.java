package org.openjxc.access;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.access.internal.ApiTokens;
import org.openjxc.access.internal.GrantRows;
import org.openjxc.access.internal.PasswordPolicy;
import org.openjxc.access.internal.RoleRows;
import org.openjxc.access.internal.UserAccounts;
import org.openjxc.audit.AuditLog;
import org.openjxc.organization.OrgUnits;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of the acting user's company: creating and changing them with their roles and data scope,
 * passwords, temporary grants and API tokens. Nobody gives what they do not have: a role with
 * permissions the acting user lacks, or a scope wider than their own, is refused.
 */
@Service
public class Users {

    private static final String ENTITY = "User";

    private final UserAccounts accounts;
    private final RoleRows roles;
    private final GrantRows grants;
    private final ApiTokens tokens;
    private final OrgUnits orgUnits;
    private final Warehouses warehouses;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    Users(
            UserAccounts accounts,
            RoleRows roles,
            GrantRows grants,
            ApiTokens tokens,
            OrgUnits orgUnits,
            Warehouses warehouses,
            PasswordEncoder passwords,
            AuditLog audit) {
        this.accounts = accounts;
        this.roles = roles;
        this.grants = grants;
        this.tokens = tokens;
        this.orgUnits = orgUnits;
        this.warehouses = warehouses;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional
    public UserView create(Actor actor, NewUser command) {
        List<FieldViolation> violations = new ArrayList<>();
        List<Long> roleIds = roleIds(actor, command.rolesOrEmpty(), violations);
        Scope scope = scope(actor, command.orgUnits(), command.warehouses(), violations);
        PasswordPolicy.violation(command.username(), command.password())
                .ifPresent(key -> violations.add(FieldViolation.of("password", key)));
        if (!violations.isEmpty()) {
            throw BusinessException.invalid(violations);
        }
        if (accounts.exists(command.username())) {
            throw BusinessException.duplicateCode(ENTITY, "username", command.username());
        }
        long id = accounts.insert(
                actor.companyId(), command.username(), passwords.encode(command.password()), command.displayName());
        roles.replaceGrants(actor.companyId(), id, roleIds);
        accounts.replaceScope(actor.companyId(), id, scope.orgUnits(), scope.warehouses());
        if (Boolean.TRUE.equals(command.ownDocumentsOnly())) {
            accounts.update(actor.companyId(), id, command.displayName(), true, 1);
        }
        UserView created = get(actor, command.username());
        audit.record("CREATE", ENTITY, command.username(), null, created);
        return created;
    }

    /** Changes name, roles and data scope; the lists replace what the user had. */
    @Transactional
    public UserView update(Actor actor, String username, UserCommand command) {
        UserView before = get(actor, username);
        long id = accounts.idOf(actor.companyId(), username).orElseThrow();
        List<FieldViolation> violations = new ArrayList<>();
        List<Long> roleIds = roleIds(actor, command.roles() == null ? List.of() : command.roles(), violations);
        Scope scope = scope(actor, command.orgUnits(), command.warehouses(), violations);
        if (!violations.isEmpty()) {
            throw BusinessException.invalid(violations);
        }
        boolean ownOnly = command.ownDocumentsOnly() == null ? before.ownDocumentsOnly() : command.ownDocumentsOnly();
        if (!accounts.update(actor.companyId(), id, command.displayName(), ownOnly, command.version())) {
            throw new BusinessException(ErrorCode.VERSION_CONFLICT, "error.versionConflict", ENTITY, username)
                    .withFact("currentVersion", before.version());
        }
        roles.replaceGrants(actor.companyId(), id, roleIds);
        accounts.replaceScope(actor.companyId(), id, scope.orgUnits(), scope.warehouses());
        UserView after = get(actor, username);
        audit.record("UPDATE", ENTITY, username, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public UserView get(Actor actor, String username) {
        return accounts.findView(actor.companyId(), username)
                .orElseThrow(() -> BusinessException.notFound(ENTITY, username));
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> list(Actor actor, String search, PageQuery page) {
        return accounts.list(actor.companyId(), search, page);
    }

    @Transactional
    public UserView disable(Actor actor, String username) {
        UserView before = get(actor, username);
        if (username.equals(actor.username())) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.user.disableSelf");
        }
        accounts.setEnabled(actor.companyId(), username, false);
        UserView after = get(actor, username);
        audit.record("DISABLE", ENTITY, username, before, after);
        return after;
    }

    @Transactional
    public UserView enable(Actor actor, String username) {
        UserView before = get(actor, username);
        accounts.setEnabled(actor.companyId(), username, true);
        UserView after = get(actor, username);
        audit.record("ENABLE", ENTITY, username, before, after);
        return after;
    }

    /** Ends a lockout after too many failed logins before its time. */
    @Transactional
    public UserView unlock(Actor actor, String username) {
        UserView before = get(actor, username);
        accounts.unlock(actor.companyId(), username);
        UserView after = get(actor, username);
        audit.record("UNLOCK", ENTITY, username, before, after);
        return after;
    }

    /**
     * Sets a temporary password the user must change at their next login; their API tokens stop
     * working, since a reset usually means the old credentials are not safe.
     */
    @Transactional
    public UserView resetPassword(Actor actor, String username, String temporaryPassword) {
        UserView before = get(actor, username);
        PasswordPolicy.violation(username, temporaryPassword).ifPresent(key -> {
            throw BusinessException.invalid("password", key);
        });
        accounts.setPassword(actor.companyId(), username, passwords.encode(temporaryPassword), true);
        long id = accounts.idOf(actor.companyId(), username).orElseThrow();
        int revoked = tokens.revokeAll(actor.companyId(), id, OffsetDateTime.now());
        UserView after = get(actor, username);
        audit.record(
                "RESET_PASSWORD",
                ENTITY,
                username,
                Map.of("mustChangePassword", before.mustChangePassword()),
                Map.of("mustChangePassword", true, "tokensRevoked", revoked));
        return after;
    }

    /** The logged-in user changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        String hash = accounts.passwordHash(actor.companyId(), actor.username());
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw BusinessException.invalid("currentPassword", "error.password.wrongCurrent");
        }
        PasswordPolicy.violation(actor.username(), newPassword).ifPresent(key -> {
            throw BusinessException.invalid("newPassword", key);
        });
        if (newPassword.equals(currentPassword)) {
            throw BusinessException.invalid("newPassword", "error.password.sameAsBefore");
        }
        accounts.setPassword(actor.companyId(), actor.username(), passwords.encode(newPassword), false);
        audit.record("CHANGE_PASSWORD", ENTITY, actor.username(), null, null);
    }

    // --- temporary grants -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<TemporaryGrantView> grants(Actor actor, String username) {
        get(actor, username);
        long id = accounts.idOf(actor.companyId(), username).orElseThrow();
        return grants.ofUser(actor.companyId(), id, OffsetDateTime.now());
    }

    /** Gives a role until a time, for one warehouse (which joins the user's scope) or everywhere. */
    @Transactional
    public TemporaryGrantView grant(Actor actor, String username, TemporaryGrantCommand command) {
        get(actor, username);
        long userId = accounts.idOf(actor.companyId(), username).orElseThrow();
        List<FieldViolation> violations = new ArrayList<>();
        List<Long> roleIds = roleIds(actor, List.of(command.role()), violations, "role");
        Long warehouseId = null;
        if (command.warehouse() != null && !command.warehouse().isBlank()) {
            try {
                warehouseId = warehouses.get(actor, command.warehouse()).id();
            } catch (BusinessException notFound) {
                violations.add(
                        FieldViolation.of("warehouse", "error.reference.unknown", "Warehouse", command.warehouse()));
            }
        } else if (actor.scope().restricted()) {
            violations.add(FieldViolation.of("warehouse", "error.user.scopeRequired"));
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (!command.until().isAfter(now)) {
            violations.add(FieldViolation.of("until", "error.grant.past"));
        }
        if (!violations.isEmpty()) {
            throw BusinessException.invalid(violations);
        }
        long id = grants.insert(
                actor.companyId(),
                userId,
                roleIds.get(0),
                warehouseId,
                command.until(),
                command.reason(),
                actor.userId(),
                now);
        TemporaryGrantView created = grants.find(actor.companyId(), id, now).orElseThrow();
        audit.record("GRANT", "TemporaryGrant", username + "/" + id, null, created);
        return created;
    }

    @Transactional
    public TemporaryGrantView revokeGrant(Actor actor, String username, long grantId) {
        get(actor, username);
        long userId = accounts.idOf(actor.companyId(), username).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now();
        TemporaryGrantView before = grants.find(actor.companyId(), grantId, now)
                .filter(g -> g.username().equals(username))
                .orElseThrow(() -> BusinessException.notFound("TemporaryGrant", grantId));
        grants.revoke(actor.companyId(), userId, grantId, now);
        TemporaryGrantView after = grants.find(actor.companyId(), grantId, now).orElseThrow();
        audit.record("REVOKE", "TemporaryGrant", username + "/" + grantId, before, after);
        return after;
    }

    // --- API tokens --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<TokenView> ownTokens(Actor actor) {
        return tokens.ofUser(actor.companyId(), actor.userId());
    }

    @Transactional
    public void revokeOwnToken(Actor actor, long tokenId) {
        if (!tokens.revoke(actor.companyId(), actor.userId(), tokenId, OffsetDateTime.now())) {
            throw BusinessException.notFound("ApiToken", tokenId);
        }
        audit.record("REVOKE", "ApiToken", actor.username() + "/" + tokenId, null, null);
    }

    @Transactional(readOnly = true)
    public List<TokenView> tokens(Actor actor, String username) {
        get(actor, username);
        return tokens.ofUser(
                actor.companyId(), accounts.idOf(actor.companyId(), username).orElseThrow());
    }

    @Transactional
    public int revokeTokens(Actor actor, String username) {
        get(actor, username);
        long id = accounts.idOf(actor.companyId(), username).orElseThrow();
        int revoked = tokens.revokeAll(actor.companyId(), id, OffsetDateTime.now());
        audit.record("REVOKE_TOKENS", "ApiToken", username, null, Map.of("revoked", revoked));
        return revoked;
    }

    // --- first start and demo ------------------------------------------------------------------------

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
                ENTITY,
                username,
                null,
                Map.of("username", username, "roles", builtInRoles));
        return id;
    }

    /** The id of a user, for system jobs that act in a user's name. */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String username) {
        return accounts.loadForLogin(username).map(u -> u.userId());
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.exists(username);
    }

    // --- checks -----------------------------------------------------------------------------------

    private record Scope(List<Long> orgUnits, List<Long> warehouses) {}

    private List<Long> roleIds(Actor actor, List<String> codes, List<FieldViolation> violations) {
        return roleIds(actor, codes, violations, null);
    }

    /** Resolves role codes; a role holding a permission the actor lacks cannot be given by them. */
    private List<Long> roleIds(Actor actor, List<String> codes, List<FieldViolation> violations, String field) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String at = field != null ? field : "roles[" + i + "]";
            var role = roles.find(actor.companyId(), codes.get(i));
            if (role.isEmpty()) {
                violations.add(FieldViolation.of(at, "error.role.unknown", codes.get(i)));
                continue;
            }
            boolean beyondOwn = role.get().permissions().stream()
                    .anyMatch(p -> Permission.known(p) && !Actors.has(Permission.valueOf(p)));
            if (beyondOwn) {
                violations.add(FieldViolation.of(at, "error.role.beyondOwn", codes.get(i)));
                continue;
            }
            ids.add(roles.findId(actor.companyId(), codes.get(i)).orElseThrow());
        }
        return ids;
    }

    /**
     * Resolves a data scope. A user limited to some warehouses can only hand out warehouses they
     * see themselves and never "the whole company" (which an empty scope means).
     */
    private Scope scope(Actor actor, List<String> units, List<String> houses, List<FieldViolation> violations) {
        List<String> unitCodes = units == null ? List.of() : units;
        List<String> houseCodes = houses == null ? List.of() : houses;
        List<Long> unitIds = new ArrayList<>();
        List<Long> houseIds = new ArrayList<>();
        boolean restricted = !actor.scope().wholeCompany();
        if (restricted && !unitCodes.isEmpty()) {
            violations.add(FieldViolation.of("orgUnits", "error.user.scopeWholeCompany"));
        } else {
            for (int i = 0; i < unitCodes.size(); i++) {
                try {
                    unitIds.add(orgUnits.get(actor, unitCodes.get(i)).id());
                } catch (BusinessException notFound) {
                    violations.add(FieldViolation.of(
                            "orgUnits[" + i + "]", "error.reference.unknown", "OrgUnit", unitCodes.get(i)));
                }
            }
        }
        for (int i = 0; i < houseCodes.size(); i++) {
            try {
                houseIds.add(warehouses.get(actor, houseCodes.get(i)).id());
            } catch (BusinessException notFound) {
                violations.add(FieldViolation.of(
                        "warehouses[" + i + "]", "error.reference.unknown", "Warehouse", houseCodes.get(i)));
            }
        }
        if (restricted && unitCodes.isEmpty() && houseCodes.isEmpty()) {
            violations.add(FieldViolation.of("warehouses", "error.user.scopeRequired"));
        }
        return new Scope(unitIds, houseIds);
    }
}
