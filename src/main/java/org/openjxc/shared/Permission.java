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
    // documents and stock; per document type: create (edit, submit, delete a draft), approve, post, unpost
    VIEW_DOCUMENTS,
    VIEW_STOCK,
    RELEASE_HOLD,
    RECALCULATE_STOCK,
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
    // purchasing and sales; closing an order needs the create permission of its type
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
    MANAGE_PROMOTIONS,
    // sensitive reads
    VIEW_COST,
    VIEW_PURCHASE_PRICE,
    VIEW_MARGIN,
    VIEW_PARTNER_BALANCE;

    /** The permission for an action on a document type, such as {@code POST_OTHER_OUTBOUND}. */
    public static Permission forDocument(String action, String documentType) {
        return valueOf(action + "_" + documentType);
    }
}
