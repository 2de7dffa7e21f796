package org.openjxc.organization;

/**
 * Published inside the transaction that changed whether a bin counts toward available stock, so
 * the stock totals follow in the same transaction.
 */
public record BinCountingChanged(long companyId, long binId, boolean countsAsAvailable) {}
