package org.openjxc.document;

import java.util.Optional;

/**
 * Document types with their number prefixes (拼音 initials, as Chinese users expect:
 * 其他入库 → QTRK), how they move stock, whom they are with and which document they follow.
 */
public enum DocumentType {
    OTHER_INBOUND("QTRK", Direction.INBOUND, null, null, false),
    OTHER_OUTBOUND("QTCK", Direction.OUTBOUND, null, null, false),
    TRANSFER("DBD", Direction.TRANSFER, null, null, false),
    STATUS_CHANGE("ZTBG", Direction.STATUS_CHANGE, null, null, false),
    PURCHASE_ORDER("CGDD", Direction.ORDER, PartnerRole.SUPPLIER, null, false),
    PURCHASE_RECEIPT("CGRK", Direction.INBOUND, PartnerRole.SUPPLIER, "PURCHASE_ORDER", false),
    PURCHASE_RETURN("CGTH", Direction.OUTBOUND, PartnerRole.SUPPLIER, "PURCHASE_RECEIPT", true),
    SALES_ORDER("XSDD", Direction.ORDER, PartnerRole.CUSTOMER, null, false),
    SALES_DELIVERY("XSCK", Direction.OUTBOUND, PartnerRole.CUSTOMER, "SALES_ORDER", false),
    SALES_RETURN("XSTH", Direction.INBOUND, PartnerRole.CUSTOMER, "SALES_DELIVERY", true),
    /** Gains and losses found by an approved stock count (盘盈盘亏): signed quantities per position. */
    COUNT_ADJUSTMENT("PDTZ", Direction.ADJUSTMENT, null, null, false),
    /**
     * Landed cost (采购费用分摊: 运费、关税、装卸费): service lines charged by a supplier, allocated onto
     * the lines of the posted purchase receipt it names, by amount, quantity or weight.
     */
    LANDED_COST("FYFT", Direction.VALUE, PartnerRole.SUPPLIER, null, false),
    /**
     * Supplier invoice (采购发票): the supplier's invoice for lines of a posted purchase receipt. What it
     * charges beyond (or below) what the receipt booked is a price difference: into the value of the
     * units still held, into cost of sales for those already gone; payables follow the invoice.
     */
    SUPPLIER_INVOICE("CGFP", Direction.VALUE, PartnerRole.SUPPLIER, "PURCHASE_RECEIPT", true),
    /**
     * Customer invoice (销售发票, 开票) for lines of a posted delivery. It moves no stock; with revenue
     * recognised at invoice it books the receivable and revenue, otherwise only what it charges
     * beyond what the delivery booked.
     */
    SALES_INVOICE("XSFP", Direction.VALUE, PartnerRole.CUSTOMER, "SALES_DELIVERY", true),
    /**
     * Production order (生产任务单): products and planned quantities; posted, it fixes the BOM version
     * of each line and reserves the components in its warehouse.
     */
    PRODUCTION_ORDER("SCRW", Direction.ORDER, null, null, false),
    /** Material issue (生产领料) against a production order, checked against its BOMs with a tolerance. */
    PRODUCTION_ISSUE("SCLL", Direction.OUTBOUND, null, "PRODUCTION_ORDER", true),
    /**
     * Finished-goods receipt (完工入库) of a production order: valued at the materials issued to the
     * order plus labour and overhead at the BOM's rates, less by-products.
     */
    PRODUCTION_RECEIPT("WGRK", Direction.INBOUND, null, "PRODUCTION_ORDER", true),
    /**
     * Disassembly (拆卸): negative lines take items apart, positive lines bring their components in,
     * sharing exactly the value taken out.
     */
    DISASSEMBLY("CXD", Direction.ADJUSTMENT, null, null, false);

    /** How a type's lines move stock; an order moves none (a sales order may reserve). */
    public enum Direction {
        INBOUND,
        OUTBOUND,
        TRANSFER,
        STATUS_CHANGE,
        ORDER,
        /** Lines carry signed quantities: positive into a position, negative out of it. */
        ADJUSTMENT,
        /** Changes the value of stock already received, never its quantity. */
        VALUE
    }

    /** Whom a purchasing or sales document is with; the partner must be of that kind (or both). */
    public enum PartnerRole {
        SUPPLIER,
        CUSTOMER
    }

    private final String prefix;
    private final Direction direction;
    private final PartnerRole partnerRole;
    private final String follows;
    private final boolean sourceRequired;

    DocumentType(String prefix, Direction direction, PartnerRole partnerRole, String follows, boolean sourceRequired) {
        this.prefix = prefix;
        this.direction = direction;
        this.partnerRole = partnerRole;
        this.follows = follows;
        this.sourceRequired = sourceRequired;
    }

    public String prefix() {
        return prefix;
    }

    public Direction direction() {
        return direction;
    }

    /** The kind of partner the document needs, or empty when it takes none. */
    public Optional<PartnerRole> partnerRole() {
        return Optional.ofNullable(partnerRole);
    }

    /** The type of document this one follows (PO → receipt, receipt → return), if any. */
    public Optional<DocumentType> follows() {
        return Optional.ofNullable(follows).map(DocumentType::valueOf);
    }

    /**
     * The type that follows this one (an order's receipts, a delivery's returns), if any; a
     * production order is followed first by its material issues (its receipts follow it too).
     */
    public Optional<DocumentType> followedBy() {
        for (DocumentType t : values()) {
            if (t.follows().orElse(null) == this) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether the document must name the one it follows: a return always names what it returns. */
    public boolean sourceRequired() {
        return sourceRequired;
    }
}
