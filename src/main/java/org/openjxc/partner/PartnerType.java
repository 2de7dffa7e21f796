package org.openjxc.partner;

/** Whether a partner supplies us, buys from us, or both. */
public enum PartnerType {
    SUPPLIER,
    CUSTOMER,
    BOTH;

    public boolean supplies() {
        return this != CUSTOMER;
    }

    public boolean buys() {
        return this != SUPPLIER;
    }
}
