package org.openjxc.document;

/** Stock status pools. Only AVAILABLE (in bins that count) can be sold. */
public enum StockStatus {
    AVAILABLE,
    QC,
    FROZEN,
    RETURNS,
    SAMPLE,
    IN_TRANSIT
}
