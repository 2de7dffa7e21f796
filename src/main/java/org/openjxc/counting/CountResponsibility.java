package org.openjxc.counting;

import java.math.BigDecimal;

/**
 * Differences of approved counts by cause, by the person who last moved the position before it
 * was counted, and by month: where stock goes missing, and through whose hands.
 */
public record CountResponsibility(
        String month, CountCause cause, String lastMovedBy, long lines, BigDecimal qty, BigDecimal value) {}
