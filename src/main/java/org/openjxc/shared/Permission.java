package org.openjxc.shared;

/**
 * Permission points, named {@code ACTION_ENTITY}. Controllers check them with
 * {@code @RequiresPermission(Permission.CODE)}; an architecture test proves every endpoint
 * checks one that exists here. Roles are sets of these codes.
 */
public enum Permission {
    // administration
    MANAGE_USERS,
    MANAGE_ROLES,
    MANAGE_SETTINGS,
    VIEW_AUDIT_LOG,
    // everyone who may use the application at all
    VIEW_DASHBOARD,
    // master data
    VIEW_MASTER_DATA,
    MANAGE_ITEMS,
    MANAGE_PARTNERS,
    MANAGE_ORGANIZATION,
    IMPORT_MASTER_DATA,
    EXPORT_MASTER_DATA,
    // sensitive reads
    VIEW_COST,
    VIEW_PURCHASE_PRICE,
    VIEW_MARGIN,
    VIEW_PARTNER_BALANCE;
}
