package org.openjxc.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler any logged-in user may call about their own account (change their password,
 * see and revoke their tokens), also before a required password change. Never for anyone
 * else's data.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnAccount {}
