package org.openjxc.counting;

/** Why a counted quantity differs from the books, as the people who look into it conclude. */
public enum CountCause {
    RECEIPT_ERROR,
    MISSED_OUTBOUND,
    TRANSFER_NOT_CLOSED,
    GIFT_NOT_RECORDED,
    DAMAGE,
    THEFT,
    UNKNOWN
}
