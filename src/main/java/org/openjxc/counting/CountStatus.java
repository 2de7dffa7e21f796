package org.openjxc.counting;

/** Open while counting; submitted when counted; approved once its adjustment is posted. */
public enum CountStatus {
    OPEN,
    SUBMITTED,
    APPROVED,
    CANCELLED
}
