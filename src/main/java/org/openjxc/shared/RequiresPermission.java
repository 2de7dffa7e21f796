package org.openjxc.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a web endpoint needs (any one of those listed). Checked centrally before the
 * request is even read, so a caller without it learns nothing from validation errors. Every
 * handler carries this or {@link PublicEndpoint}; an architecture test fails the build otherwise.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {
    Permission[] value();
}
