package org.openjxc.document;

/** The lifecycle states of DESIGN.md "Documents". */
public enum DocumentStatus {
    DRAFT,
    SUBMITTED,
    ON_HOLD,
    APPROVED,
    POSTED,
    CANCELLED
}
