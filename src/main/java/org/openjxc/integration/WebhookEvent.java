package org.openjxc.integration;

/** What a webhook subscription may listen to. */
public enum WebhookEvent {
    /** A document was posted (its type, number, date, warehouse and totals in the payload). */
    DOCUMENT_POSTED,
    /** A posted document was unposted (反审核). */
    DOCUMENT_UNPOSTED,
    /** An outbound posting took an item's available stock in a warehouse below its safety stock. */
    STOCK_BELOW_SAFETY,
    /** A stock count was approved: its adjustment posted. */
    COUNT_APPROVED,
    /** The daily reconciliation found the books differing from the stock or the documents. */
    RECONCILIATION_DIFFERENCE
}
