package org.openjxc.inventory;

import java.math.BigDecimal;

/** Totals of an item in a warehouse: {@code available = onHand(available pool, counting bins) − reserved}. */
public record StockSummary(
        String item,
        String itemName,
        String unit,
        String warehouse,
        String warehouseName,
        BigDecimal onHand,
        BigDecimal available,
        BigDecimal reserved,
        BigDecimal inTransit,
        BigDecimal notAvailable,
        BigDecimal unitCost,
        BigDecimal value) {}
