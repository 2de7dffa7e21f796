package org.openjxc.finance;

/**
 * The side of a posting's voucher a company may book to accounts of its choice, per document type
 * or for all: revenue, cost of sales, input and output VAT (e.g. to 22210101 / 22210102), and
 * the counterpart of other receipts, issues and count adjustments (待处理财产损溢 by default; a
 * company may book issues for own use to 5602 管理费用), and production's work in progress and
 * absorbed overhead.
 */
public enum PostingRole {
    REVENUE(Account.REVENUE),
    COST_OF_SALES(Account.COST_OF_SALES),
    INPUT_TAX(Account.TAXES),
    OUTPUT_TAX(Account.TAXES),
    ADJUSTMENT(Account.PENDING_LOSS),
    /** Materials issued to production and not yet in finished goods (生产成本). */
    WORK_IN_PROGRESS(Account.WORK_IN_PROGRESS),
    /** Labour and overhead finished goods absorb at the BOM's rates (制造费用). */
    ABSORBED_OVERHEAD(Account.MANUFACTURING_OVERHEAD);

    private final Account byDefault;

    PostingRole(Account byDefault) {
        this.byDefault = byDefault;
    }

    public String defaultAccount() {
        return byDefault.code();
    }
}
