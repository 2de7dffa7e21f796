package org.openjxc.reporting;

/**
 * What one person did to documents of one type in a period, from the audit trail: created,
 * edited, submitted, approved, posted, unposted, cancelled, deleted drafts. Many edits, unposts
 * and cancellations are where to look first.
 */
public record DocumentTraceRow(
        String user,
        String documentType,
        long created,
        long edited,
        long submitted,
        long approved,
        long posted,
        long unposted,
        long cancelled,
        long deleted) {}
