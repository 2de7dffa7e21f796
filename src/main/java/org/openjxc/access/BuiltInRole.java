package org.openjxc.access;

import static org.openjxc.shared.Permission.*;

import java.util.EnumSet;
import java.util.Set;
import org.openjxc.shared.Permission;

/**
 * The roles every company starts with (API.md). They are templates: a company may edit its copy
 * or create its own roles. Built-in roles gain the permissions a release adds to their template
 * (nothing is ever taken away); ADMIN always holds every permission.
 */
public enum BuiltInRole {
    ADMIN(EnumSet.allOf(Permission.class)),
    OWNER(EnumSet.complementOf(EnumSet.of(MANAGE_USERS, MANAGE_ROLES))),
    BUYER(EnumSet.of(
            VIEW_DASHBOARD,
            VIEW_ITEM,
            VIEW_PARTNER,
            VIEW_WAREHOUSE,
            CREATE_PARTNER,
            EDIT_PARTNER,
            VIEW_PURCHASE_PRICE,
            EXPORT_ITEM,
            EXPORT_PARTNER,
            VIEW_DOCUMENTS,
            VIEW_STOCK,
            CREATE_PURCHASE_ORDER,
            POST_PURCHASE_ORDER,
            VIEW_PURCHASE_RECEIPT,
            CREATE_PURCHASE_RETURN,
            VIEW_LANDED_COST,
            CREATE_LANDED_COST,
            EDIT_LANDED_COST,
            SUBMIT_LANDED_COST,
            VIEW_SUPPLIER_INVOICE,
            CREATE_SUPPLIER_INVOICE,
            EDIT_SUPPLIER_INVOICE,
            SUBMIT_SUPPLIER_INVOICE,
            MANAGE_REPLENISHMENT)),
    SALES_CLERK(EnumSet.of(
            VIEW_SALES_INVOICE,
            CREATE_SALES_INVOICE,
            EDIT_SALES_INVOICE,
            SUBMIT_SALES_INVOICE,
            VIEW_DASHBOARD,
            VIEW_ITEM,
            VIEW_PARTNER,
            VIEW_WAREHOUSE,
            EXPORT_ITEM,
            EXPORT_PARTNER,
            VIEW_DOCUMENTS,
            VIEW_STOCK,
            CREATE_SALES_ORDER,
            POST_SALES_ORDER,
            VIEW_SALES_DELIVERY,
            CREATE_SALES_RETURN)),
    WAREHOUSE_CLERK(EnumSet.of(
            VIEW_DASHBOARD,
            ENTER_COUNT,
            PRINT_ITEM,
            VIEW_ITEM,
            VIEW_PARTNER,
            VIEW_WAREHOUSE,
            VIEW_DOCUMENTS,
            VIEW_STOCK,
            CREATE_OTHER_INBOUND,
            POST_OTHER_INBOUND,
            CREATE_OTHER_OUTBOUND,
            POST_OTHER_OUTBOUND,
            CREATE_TRANSFER,
            POST_TRANSFER,
            CREATE_STATUS_CHANGE,
            POST_STATUS_CHANGE,
            CREATE_PURCHASE_RECEIPT,
            POST_PURCHASE_RECEIPT,
            POST_PURCHASE_RETURN,
            CREATE_SALES_DELIVERY,
            POST_SALES_DELIVERY,
            POST_SALES_RETURN,
            VIEW_PRODUCTION_ORDER,
            CREATE_PRODUCTION_ISSUE,
            POST_PRODUCTION_ISSUE,
            CREATE_PRODUCTION_RECEIPT,
            POST_PRODUCTION_RECEIPT,
            CREATE_DISASSEMBLY,
            POST_DISASSEMBLY)),
    STORE_MANAGER(EnumSet.of(
            VIEW_DASHBOARD,
            CREATE_COUNT,
            ENTER_COUNT,
            APPROVE_COUNT,
            VIEW_COUNT_ADJUSTMENT,
            CREATE_COUNT_ADJUSTMENT,
            POST_COUNT_ADJUSTMENT,
            UNPOST_COUNT_ADJUSTMENT,
            PRINT_ITEM,
            VIEW_ITEM,
            VIEW_PARTNER,
            VIEW_WAREHOUSE,
            MANAGE_PROMOTIONS,
            EXPORT_ITEM,
            EXPORT_PARTNER,
            VIEW_MARGIN,
            VIEW_DOCUMENTS,
            VIEW_STOCK,
            RELEASE_HOLD,
            CREATE_OTHER_INBOUND,
            APPROVE_OTHER_INBOUND,
            POST_OTHER_INBOUND,
            UNPOST_OTHER_INBOUND,
            CREATE_OTHER_OUTBOUND,
            APPROVE_OTHER_OUTBOUND,
            POST_OTHER_OUTBOUND,
            UNPOST_OTHER_OUTBOUND,
            CREATE_TRANSFER,
            APPROVE_TRANSFER,
            POST_TRANSFER,
            UNPOST_TRANSFER,
            CREATE_STATUS_CHANGE,
            APPROVE_STATUS_CHANGE,
            POST_STATUS_CHANGE,
            UNPOST_STATUS_CHANGE,
            CREATE_PURCHASE_ORDER,
            APPROVE_PURCHASE_ORDER,
            POST_PURCHASE_ORDER,
            UNPOST_PURCHASE_ORDER,
            CREATE_PURCHASE_RECEIPT,
            APPROVE_PURCHASE_RECEIPT,
            POST_PURCHASE_RECEIPT,
            UNPOST_PURCHASE_RECEIPT,
            CREATE_PURCHASE_RETURN,
            APPROVE_PURCHASE_RETURN,
            POST_PURCHASE_RETURN,
            UNPOST_PURCHASE_RETURN,
            CREATE_SALES_ORDER,
            APPROVE_SALES_ORDER,
            POST_SALES_ORDER,
            UNPOST_SALES_ORDER,
            CREATE_SALES_DELIVERY,
            APPROVE_SALES_DELIVERY,
            POST_SALES_DELIVERY,
            UNPOST_SALES_DELIVERY,
            CREATE_SALES_RETURN,
            APPROVE_SALES_RETURN,
            POST_SALES_RETURN,
            UNPOST_SALES_RETURN,
            MANAGE_BOMS,
            OVERRIDE_PRODUCTION_TOLERANCE,
            MANAGE_REPLENISHMENT,
            CREATE_PRODUCTION_ORDER,
            APPROVE_PRODUCTION_ORDER,
            POST_PRODUCTION_ORDER,
            UNPOST_PRODUCTION_ORDER,
            CREATE_PRODUCTION_ISSUE,
            POST_PRODUCTION_ISSUE,
            UNPOST_PRODUCTION_ISSUE,
            CREATE_PRODUCTION_RECEIPT,
            POST_PRODUCTION_RECEIPT,
            UNPOST_PRODUCTION_RECEIPT,
            CREATE_DISASSEMBLY,
            POST_DISASSEMBLY,
            UNPOST_DISASSEMBLY)),
    ACCOUNTANT(withEveryType(
            Set.of("VIEW", "EXPORT", "PRINT"),
            EnumSet.of(
                    VIEW_DASHBOARD,
                    VIEW_DOCUMENTS,
                    VIEW_STOCK,
                    VIEW_ITEM,
                    VIEW_PARTNER,
                    VIEW_WAREHOUSE,
                    EXPORT_ITEM,
                    EXPORT_PARTNER,
                    VIEW_COST,
                    VIEW_PURCHASE_PRICE,
                    VIEW_MARGIN,
                    VIEW_PARTNER_BALANCE,
                    MANAGE_PERIODS,
                    MANAGE_SETTLEMENTS,
                    MANAGE_ACCOUNTS))),
    AUDITOR(withEveryType(
            Set.of("VIEW", "EXPORT", "PRINT"),
            EnumSet.of(
                    VIEW_DASHBOARD,
                    VIEW_ITEM,
                    VIEW_PARTNER,
                    VIEW_WAREHOUSE,
                    VIEW_AUDIT_LOG,
                    VIEW_COST,
                    VIEW_MARGIN,
                    VIEW_DOCUMENTS,
                    VIEW_STOCK)));

    private final Set<Permission> permissions;

    BuiltInRole(Set<Permission> permissions) {
        this.permissions = Set.copyOf(implied(permissions));
    }

    /**
     * What a template's core permissions bring with them: who creates a type also edits,
     * submits, cancels and deletes its drafts; whoever acts on a type sees, prints and exports it.
     */
    private static Set<Permission> implied(Set<Permission> core) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        all.addAll(core);
        for (String type : Permission.documentTypes()) {
            if (core.contains(Permission.forDocument("CREATE", type))) {
                for (String action : new String[] {"EDIT", "SUBMIT", "CANCEL", "DELETE"}) {
                    all.add(Permission.forDocument(action, type));
                }
            }
            boolean acts = false;
            for (String action : new String[] {"CREATE", "APPROVE", "POST", "UNPOST"}) {
                acts |= core.contains(Permission.forDocument(action, type));
            }
            if (acts) {
                for (String action : new String[] {"VIEW", "PRINT", "EXPORT"}) {
                    all.add(Permission.forDocument(action, type));
                }
            }
        }
        return all;
    }

    private static Set<Permission> withEveryType(Set<String> actions, Set<Permission> core) {
        Set<Permission> all = EnumSet.copyOf(core);
        for (String type : Permission.documentTypes()) {
            for (String action : actions) {
                all.add(Permission.forDocument(action, type));
            }
        }
        return all;
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
