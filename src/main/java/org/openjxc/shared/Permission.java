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
    // master data, per kind: items (with categories, units, prices, pictures, SKU mappings),
    // partners (customers and suppliers), warehouses (with org units and bins)
    VIEW_ITEM,
    CREATE_ITEM,
    EDIT_ITEM,
    DELETE_ITEM,
    EXPORT_ITEM,
    IMPORT_ITEM,
    VIEW_PARTNER,
    CREATE_PARTNER,
    EDIT_PARTNER,
    DELETE_PARTNER,
    EXPORT_PARTNER,
    IMPORT_PARTNER,
    VIEW_WAREHOUSE,
    CREATE_WAREHOUSE,
    EDIT_WAREHOUSE,
    DELETE_WAREHOUSE,
    EXPORT_WAREHOUSE,
    IMPORT_WAREHOUSE,
    PRINT_ITEM,
    // documents and stock; VIEW_DOCUMENTS opens the document pages, VIEW_<type> shows documents of a type;
    // per document type: view, create, edit (and attach), submit, approve, post, unpost, cancel (and close
    // an order), delete a draft, export, print
    VIEW_DOCUMENTS,
    VIEW_STOCK,
    RELEASE_HOLD,
    RECALCULATE_STOCK,
    VIEW_OTHER_INBOUND,
    CREATE_OTHER_INBOUND,
    EDIT_OTHER_INBOUND,
    SUBMIT_OTHER_INBOUND,
    APPROVE_OTHER_INBOUND,
    POST_OTHER_INBOUND,
    UNPOST_OTHER_INBOUND,
    CANCEL_OTHER_INBOUND,
    DELETE_OTHER_INBOUND,
    EXPORT_OTHER_INBOUND,
    PRINT_OTHER_INBOUND,
    VIEW_OTHER_OUTBOUND,
    CREATE_OTHER_OUTBOUND,
    EDIT_OTHER_OUTBOUND,
    SUBMIT_OTHER_OUTBOUND,
    APPROVE_OTHER_OUTBOUND,
    POST_OTHER_OUTBOUND,
    UNPOST_OTHER_OUTBOUND,
    CANCEL_OTHER_OUTBOUND,
    DELETE_OTHER_OUTBOUND,
    EXPORT_OTHER_OUTBOUND,
    PRINT_OTHER_OUTBOUND,
    VIEW_TRANSFER,
    CREATE_TRANSFER,
    EDIT_TRANSFER,
    SUBMIT_TRANSFER,
    APPROVE_TRANSFER,
    POST_TRANSFER,
    UNPOST_TRANSFER,
    CANCEL_TRANSFER,
    DELETE_TRANSFER,
    EXPORT_TRANSFER,
    PRINT_TRANSFER,
    VIEW_STATUS_CHANGE,
    CREATE_STATUS_CHANGE,
    EDIT_STATUS_CHANGE,
    SUBMIT_STATUS_CHANGE,
    APPROVE_STATUS_CHANGE,
    POST_STATUS_CHANGE,
    UNPOST_STATUS_CHANGE,
    CANCEL_STATUS_CHANGE,
    DELETE_STATUS_CHANGE,
    EXPORT_STATUS_CHANGE,
    PRINT_STATUS_CHANGE,
    // purchasing and sales
    VIEW_PURCHASE_ORDER,
    CREATE_PURCHASE_ORDER,
    EDIT_PURCHASE_ORDER,
    SUBMIT_PURCHASE_ORDER,
    APPROVE_PURCHASE_ORDER,
    POST_PURCHASE_ORDER,
    UNPOST_PURCHASE_ORDER,
    CANCEL_PURCHASE_ORDER,
    DELETE_PURCHASE_ORDER,
    EXPORT_PURCHASE_ORDER,
    PRINT_PURCHASE_ORDER,
    VIEW_PURCHASE_RECEIPT,
    CREATE_PURCHASE_RECEIPT,
    EDIT_PURCHASE_RECEIPT,
    SUBMIT_PURCHASE_RECEIPT,
    APPROVE_PURCHASE_RECEIPT,
    POST_PURCHASE_RECEIPT,
    UNPOST_PURCHASE_RECEIPT,
    CANCEL_PURCHASE_RECEIPT,
    DELETE_PURCHASE_RECEIPT,
    EXPORT_PURCHASE_RECEIPT,
    PRINT_PURCHASE_RECEIPT,
    VIEW_PURCHASE_RETURN,
    CREATE_PURCHASE_RETURN,
    EDIT_PURCHASE_RETURN,
    SUBMIT_PURCHASE_RETURN,
    APPROVE_PURCHASE_RETURN,
    POST_PURCHASE_RETURN,
    UNPOST_PURCHASE_RETURN,
    CANCEL_PURCHASE_RETURN,
    DELETE_PURCHASE_RETURN,
    EXPORT_PURCHASE_RETURN,
    PRINT_PURCHASE_RETURN,
    VIEW_SALES_ORDER,
    CREATE_SALES_ORDER,
    EDIT_SALES_ORDER,
    SUBMIT_SALES_ORDER,
    APPROVE_SALES_ORDER,
    POST_SALES_ORDER,
    UNPOST_SALES_ORDER,
    CANCEL_SALES_ORDER,
    DELETE_SALES_ORDER,
    EXPORT_SALES_ORDER,
    PRINT_SALES_ORDER,
    VIEW_SALES_DELIVERY,
    CREATE_SALES_DELIVERY,
    EDIT_SALES_DELIVERY,
    SUBMIT_SALES_DELIVERY,
    APPROVE_SALES_DELIVERY,
    POST_SALES_DELIVERY,
    UNPOST_SALES_DELIVERY,
    CANCEL_SALES_DELIVERY,
    DELETE_SALES_DELIVERY,
    EXPORT_SALES_DELIVERY,
    PRINT_SALES_DELIVERY,
    VIEW_SALES_RETURN,
    CREATE_SALES_RETURN,
    EDIT_SALES_RETURN,
    SUBMIT_SALES_RETURN,
    APPROVE_SALES_RETURN,
    POST_SALES_RETURN,
    UNPOST_SALES_RETURN,
    CANCEL_SALES_RETURN,
    DELETE_SALES_RETURN,
    EXPORT_SALES_RETURN,
    PRINT_SALES_RETURN,
    MANAGE_PROMOTIONS,
    // stock counts: plan and create, enter counted quantities, approve (which posts the adjustment)
    CREATE_COUNT,
    ENTER_COUNT,
    APPROVE_COUNT,
    VIEW_COUNT_ADJUSTMENT,
    CREATE_COUNT_ADJUSTMENT,
    EDIT_COUNT_ADJUSTMENT,
    SUBMIT_COUNT_ADJUSTMENT,
    APPROVE_COUNT_ADJUSTMENT,
    POST_COUNT_ADJUSTMENT,
    UNPOST_COUNT_ADJUSTMENT,
    CANCEL_COUNT_ADJUSTMENT,
    DELETE_COUNT_ADJUSTMENT,
    EXPORT_COUNT_ADJUSTMENT,
    PRINT_COUNT_ADJUSTMENT,
    VIEW_LANDED_COST,
    CREATE_LANDED_COST,
    EDIT_LANDED_COST,
    SUBMIT_LANDED_COST,
    APPROVE_LANDED_COST,
    POST_LANDED_COST,
    UNPOST_LANDED_COST,
    CANCEL_LANDED_COST,
    DELETE_LANDED_COST,
    EXPORT_LANDED_COST,
    PRINT_LANDED_COST,
    VIEW_SUPPLIER_INVOICE,
    CREATE_SUPPLIER_INVOICE,
    EDIT_SUPPLIER_INVOICE,
    SUBMIT_SUPPLIER_INVOICE,
    APPROVE_SUPPLIER_INVOICE,
    POST_SUPPLIER_INVOICE,
    UNPOST_SUPPLIER_INVOICE,
    CANCEL_SUPPLIER_INVOICE,
    DELETE_SUPPLIER_INVOICE,
    EXPORT_SUPPLIER_INVOICE,
    PRINT_SUPPLIER_INVOICE,
    VIEW_SALES_INVOICE,
    CREATE_SALES_INVOICE,
    EDIT_SALES_INVOICE,
    SUBMIT_SALES_INVOICE,
    APPROVE_SALES_INVOICE,
    POST_SALES_INVOICE,
    UNPOST_SALES_INVOICE,
    CANCEL_SALES_INVOICE,
    DELETE_SALES_INVOICE,
    EXPORT_SALES_INVOICE,
    PRINT_SALES_INVOICE,
    // production: documents per type as above; BOMs, and overriding the material tolerance with a reason
    VIEW_PRODUCTION_ORDER,
    CREATE_PRODUCTION_ORDER,
    EDIT_PRODUCTION_ORDER,
    SUBMIT_PRODUCTION_ORDER,
    APPROVE_PRODUCTION_ORDER,
    POST_PRODUCTION_ORDER,
    UNPOST_PRODUCTION_ORDER,
    CANCEL_PRODUCTION_ORDER,
    DELETE_PRODUCTION_ORDER,
    EXPORT_PRODUCTION_ORDER,
    PRINT_PRODUCTION_ORDER,
    VIEW_PRODUCTION_ISSUE,
    CREATE_PRODUCTION_ISSUE,
    EDIT_PRODUCTION_ISSUE,
    SUBMIT_PRODUCTION_ISSUE,
    APPROVE_PRODUCTION_ISSUE,
    POST_PRODUCTION_ISSUE,
    UNPOST_PRODUCTION_ISSUE,
    CANCEL_PRODUCTION_ISSUE,
    DELETE_PRODUCTION_ISSUE,
    EXPORT_PRODUCTION_ISSUE,
    PRINT_PRODUCTION_ISSUE,
    VIEW_PRODUCTION_RECEIPT,
    CREATE_PRODUCTION_RECEIPT,
    EDIT_PRODUCTION_RECEIPT,
    SUBMIT_PRODUCTION_RECEIPT,
    APPROVE_PRODUCTION_RECEIPT,
    POST_PRODUCTION_RECEIPT,
    UNPOST_PRODUCTION_RECEIPT,
    CANCEL_PRODUCTION_RECEIPT,
    DELETE_PRODUCTION_RECEIPT,
    EXPORT_PRODUCTION_RECEIPT,
    PRINT_PRODUCTION_RECEIPT,
    VIEW_DISASSEMBLY,
    CREATE_DISASSEMBLY,
    EDIT_DISASSEMBLY,
    SUBMIT_DISASSEMBLY,
    APPROVE_DISASSEMBLY,
    POST_DISASSEMBLY,
    UNPOST_DISASSEMBLY,
    CANCEL_DISASSEMBLY,
    DELETE_DISASSEMBLY,
    EXPORT_DISASSEMBLY,
    PRINT_DISASSEMBLY,
    MANAGE_BOMS,
    OVERRIDE_PRODUCTION_TOLERANCE,
    // replenishment: run forecasts and set service levels, order sizes and lead times
    MANAGE_REPLENISHMENT,
    // integrations: webhook subscriptions and their delivery log
    MANAGE_INTEGRATIONS,
    // integrations: a partner system (3PL, WMS) sends its callbacks
    RECEIVE_INBOUND,
    // operations: read the metrics at /actuator/prometheus (a monitoring system's token)
    VIEW_METRICS,
    // operations: take an online backup of the embedded database
    MANAGE_BACKUPS,
    // sensitive reads
    VIEW_COST,
    VIEW_PURCHASE_PRICE,
    VIEW_MARGIN,
    VIEW_PARTNER_BALANCE,
    // finance: close and reopen accounting periods; enter and cancel receipts and payments
    MANAGE_PERIODS,
    MANAGE_SETTLEMENTS,
    // finance: the chart of accounts and the voucher rules
    MANAGE_ACCOUNTS;

    /**
     * The group a permission is shown in: the document type for per-type permissions
     * ({@code POST_SALES_DELIVERY} → {@code SALES_DELIVERY}), otherwise its area.
     */
    public String group() {
        String name = name();
        for (String kind : MASTER_DATA_KINDS) {
            if (name.endsWith("_" + kind)) {
                return kind;
            }
        }
        for (String action : DOCUMENT_ACTIONS) {
            if (name.startsWith(action + "_") && !name.equals("VIEW_DOCUMENTS")) {
                String rest = name.substring(action.length() + 1);
                if (DOCUMENT_TYPES.contains(rest)) {
                    return rest;
                }
            }
        }
        return switch (this) {
            case MANAGE_USERS, MANAGE_ROLES, MANAGE_SETTINGS, VIEW_AUDIT_LOG -> "ADMINISTRATION";
            case VIEW_COST, VIEW_PURCHASE_PRICE, VIEW_MARGIN, VIEW_PARTNER_BALANCE -> "SENSITIVE";
            case MANAGE_PERIODS, MANAGE_SETTLEMENTS, MANAGE_ACCOUNTS -> "FINANCE";
            case MANAGE_BOMS, OVERRIDE_PRODUCTION_TOLERANCE -> "PRODUCTION";
            case MANAGE_REPLENISHMENT -> "REPLENISHMENT";
            case MANAGE_INTEGRATIONS, RECEIVE_INBOUND, VIEW_METRICS, MANAGE_BACKUPS -> "ADMINISTRATION";
            default -> "GENERAL";
        };
    }

    private static final java.util.List<String> MASTER_DATA_KINDS = java.util.List.of("ITEM", "PARTNER", "WAREHOUSE");

    private static final java.util.List<String> DOCUMENT_ACTIONS = java.util.List.of(
            "VIEW", "CREATE", "EDIT", "SUBMIT", "APPROVE", "POST", "UNPOST", "CANCEL", "DELETE", "EXPORT", "PRINT");

    private static final java.util.List<String> DOCUMENT_TYPES = java.util.List.of(
            "OTHER_INBOUND",
            "OTHER_OUTBOUND",
            "TRANSFER",
            "STATUS_CHANGE",
            "PURCHASE_ORDER",
            "PURCHASE_RECEIPT",
            "PURCHASE_RETURN",
            "SALES_ORDER",
            "SALES_DELIVERY",
            "SALES_RETURN",
            "COUNT_ADJUSTMENT",
            "LANDED_COST",
            "SUPPLIER_INVOICE",
            "SALES_INVOICE",
            "PRODUCTION_ORDER",
            "PRODUCTION_ISSUE",
            "PRODUCTION_RECEIPT",
            "DISASSEMBLY");

    /** The document types that have per-type permissions, in menu order. */
    public static java.util.List<String> documentTypes() {
        return DOCUMENT_TYPES;
    }

    /** Whether a code names a permission of this release (roles may hold codes of an older one). */
    public static boolean known(String code) {
        for (Permission p : values()) {
            if (p.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** The permission for an action on a document type, such as {@code POST_OTHER_OUTBOUND}. */
    public static Permission forDocument(String action, String documentType) {
        return valueOf(action + "_" + documentType);
    }
}
