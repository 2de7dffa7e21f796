package org.openjxc.reporting;

/** The kinds of alert API.md names, most urgent first. */
public enum AlertKind {
    RECONCILIATION_DIFFERENCE,
    /** On hand or available below zero, or value without stock: none while negative stock is off. */
    NEGATIVE_STOCK,
    ON_HOLD,
    BELOW_SAFETY_STOCK,
    EXPIRING,
    IN_TRANSIT,
    UNPOSTED_DOCUMENT,
    NOT_AVAILABLE_STOCK
}
