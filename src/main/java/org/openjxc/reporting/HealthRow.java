package org.openjxc.reporting;

import java.math.BigDecimal;

/**
 * Inventory health of a warehouse, 0–100, from the value of its stock: the share expiring within
 * 30 days, the share that did not go out for 90 days (slow or dead), and how often the stock
 * turned over in the last 90 days (annualised). Score = 100 − 40 × expiring share − 40 × idle
 * share − 20 × max(0, 1 − annual turnover / 4): a warehouse turning four times a year with
 * nothing expiring or idle scores 100.
 */
public record HealthRow(
        String warehouse,
        String warehouseName,
        BigDecimal stockValue,
        BigDecimal expiringShare,
        BigDecimal idleShare,
        BigDecimal annualTurnover,
        BigDecimal score) {}
