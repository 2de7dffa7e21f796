package org.openjxc.access.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjxc.shared.Actor;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.Permission;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a logged-in user: who they are, their company, their permission codes, the
 * warehouses they may work in and until when this picture holds (the end of the earliest
 * temporary grant), after which it must be loaded again.
 */
public final class AuthenticatedUser implements UserDetails, CredentialsContainer, Actor {

    private final long userId;
    private final long companyId;
    private final String username;
    private final String displayName;
    private final boolean enabled;
    private final OffsetDateTime lockedUntil;
    private final List<SimpleGrantedAuthority> authorities;
    private final UserAccess access;
    private final boolean mustChangePassword;
    private String passwordHash;

    AuthenticatedUser(
            long userId,
            long companyId,
            String username,
            String displayName,
            String passwordHash,
            boolean enabled,
            OffsetDateTime lockedUntil,
            boolean mustChangePassword,
            UserAccess access) {
        this.userId = userId;
        this.companyId = companyId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.mustChangePassword = mustChangePassword;
        this.access = access;
        // Until the password is changed, the user may do nothing else; the marker says why.
        this.authorities = mustChangePassword
                ? List.of(new SimpleGrantedAuthority(ErrorCode.PASSWORD_CHANGE_REQUIRED.name()))
                : access.permissions().stream().map(SimpleGrantedAuthority::new).toList();
    }

    /** What a user may do and where; {@code warehouseOnly} holds permissions granted for some warehouses only. */
    public record UserAccess(
            Set<String> permissions,
            Map<String, Set<Long>> warehouseOnly,
            DataScope scope,
            OffsetDateTime validUntil) {}

    @Override
    public DataScope scope() {
        return access.scope();
    }

    @Override
    public boolean mayAt(Permission permission, Long warehouseId) {
        if (mustChangePassword || !access.permissions().contains(permission.name())) {
            return false;
        }
        Set<Long> only = access.warehouseOnly().get(permission.name());
        return only == null || (warehouseId != null && only.contains(warehouseId));
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** When this principal's permissions stop being true (a temporary grant ends), or null. */
    public OffsetDateTime validUntil() {
        return access.validUntil();
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public long companyId() {
        return companyId;
    }

    @Override
    public String username() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(OffsetDateTime.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AuthenticatedUser[" + username + "@" + companyId + "]";
    }
}
