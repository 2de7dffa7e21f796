package org.openjxc.finance;

/**
 * A receipt from a customer (收款单: Dr cash or bank / Cr 1122) or a payment to a supplier
 * (付款单: Dr 2202 / Cr cash or bank), with its number prefix.
 */
public enum SettlementKind {
    RECEIPT("SKD", Account.RECEIVABLE),
    PAYMENT("FKD", Account.PAYABLE);

    private final String prefix;
    private final Account settles;

    SettlementKind(String prefix, Account settles) {
        this.prefix = prefix;
        this.settles = settles;
    }

    public String prefix() {
        return prefix;
    }

    /** The partner account it settles: receivables or payables. */
    public Account settles() {
        return settles;
    }
}
