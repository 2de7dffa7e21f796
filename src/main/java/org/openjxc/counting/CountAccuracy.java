package org.openjxc.counting;

import java.math.BigDecimal;

/**
 * Count accuracy of approved counts per month, warehouse, ABC class and counter:
 * {@code accuracy} = lines counted right / lines counted, in percent.
 */
public record CountAccuracy(
        String month,
        String warehouse,
        String abcClass,
        String counter,
        long lines,
        long differences,
        BigDecimal accuracy,
        BigDecimal differenceValue) {}
