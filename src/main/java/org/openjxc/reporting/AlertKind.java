package org.openjxc.reporting;

/** The kinds of alert API.md names, most urgent first. */
public enum AlertKind {
    RECONCILIATION_DIFFERENCE,
    ON_HOLD,
    BELOW_SAFETY_STOCK,
    EXPIRING,
    IN_TRANSIT,
    UNPOSTED_DOCUMENT,
    NOT_AVAILABLE_STOCK
}
