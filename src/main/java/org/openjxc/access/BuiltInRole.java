package org.openjxc.access;

import static org.openjxc.shared.Permission.*;

import java.util.EnumSet;
import java.util.Set;
import org.openjxc.shared.Permission;

/**
 * The roles every company starts with (API.md). They are templates: a company may edit its copy
 * or create its own roles. ADMIN always holds every permission, including ones added later.
 */
public enum BuiltInRole {
    ADMIN(EnumSet.allOf(Permission.class)),
    OWNER(EnumSet.complementOf(EnumSet.of(MANAGE_USERS, MANAGE_ROLES))),
    BUYER(EnumSet.of(VIEW_DASHBOARD, VIEW_MASTER_DATA, MANAGE_PARTNERS, VIEW_PURCHASE_PRICE, EXPORT_MASTER_DATA)),
    SALES_CLERK(EnumSet.of(VIEW_DASHBOARD, VIEW_MASTER_DATA, EXPORT_MASTER_DATA)),
    WAREHOUSE_CLERK(EnumSet.of(VIEW_DASHBOARD, VIEW_MASTER_DATA)),
    STORE_MANAGER(EnumSet.of(VIEW_DASHBOARD, VIEW_MASTER_DATA, EXPORT_MASTER_DATA, VIEW_MARGIN)),
    ACCOUNTANT(EnumSet.of(
            VIEW_DASHBOARD,
            VIEW_MASTER_DATA,
            EXPORT_MASTER_DATA,
            VIEW_COST,
            VIEW_PURCHASE_PRICE,
            VIEW_MARGIN,
            VIEW_PARTNER_BALANCE)),
    AUDITOR(EnumSet.of(VIEW_DASHBOARD, VIEW_MASTER_DATA, VIEW_AUDIT_LOG, VIEW_COST, VIEW_MARGIN));

    private final Set<Permission> permissions;

    BuiltInRole(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
