package org.openjxc.access.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.openjxc.shared.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a logged-in user: who they are, their company and their permission codes. */
public final class AuthenticatedUser implements UserDetails, CredentialsContainer, Actor {

    private final long userId;
    private final long companyId;
    private final String username;
    private final String displayName;
    private final boolean enabled;
    private final OffsetDateTime lockedUntil;
    private final List<SimpleGrantedAuthority> authorities;
    private String passwordHash;

    AuthenticatedUser(
            long userId,
            long companyId,
            String username,
            String displayName,
            String passwordHash,
            boolean enabled,
            OffsetDateTime lockedUntil,
            List<String> permissions) {
        this.userId = userId;
        this.companyId = companyId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.authorities = permissions.stream().map(SimpleGrantedAuthority::new).toList();
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
