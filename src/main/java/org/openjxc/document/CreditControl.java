package org.openjxc.document;

/** What a sales posting over the customer's credit limit does. */
public enum CreditControl {
    OFF,
    WARN,
    BLOCK
}
