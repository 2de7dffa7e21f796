package org.openjxc.integration;

/** What a person may be notified of. */
public enum NotificationTopic {
    /** An outbound posting took an item below its safety stock (at once). */
    STOCK_BELOW_SAFETY,
    /** The daily reconciliation found the books differing (at once). */
    RECONCILIATION_DIFFERENCE,
    /** Documents held as suspected duplicates, waiting for release (each morning, when there are any). */
    DOCUMENTS_ON_HOLD,
    /** Batches expiring within 30 days (each morning, when there are any). */
    EXPIRING_BATCHES,
    /** Yesterday in figures, each morning. */
    DAILY_SUMMARY,
    /** Last week in figures, on Monday mornings. */
    WEEKLY_SUMMARY
}
