package org.openjxc.access.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of authentication. {@code OPENJXC_ADMIN_PASSWORD} binds to {@code adminPassword}.
 *
 * @param adminPassword password of the first {@code admin}; when unset a random one is logged once
 * @param tokenTtl lifetime of an API token
 * @param maxFailedLogins consecutive failures before an account is locked
 * @param lockDuration how long a locked account stays locked
 */
@ConfigurationProperties("openjxc")
public record AccessProperties(
        String adminPassword,
        @DefaultValue("PT12H") Duration tokenTtl,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("PT15M") Duration lockDuration) {}
