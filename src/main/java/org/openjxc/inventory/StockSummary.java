package org.openjxc.inventory;

import java.math.BigDecimal;

/**
 * Totals of an item in a warehouse: {@code available = onHand(available pool, counting bins) −
 * reserved}. {@code pendingIn} and {@code pendingOut} are on documents not yet posted, so that
 * forgotten drafts show next to the stock they would change.
 */
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
        BigDecimal pendingIn,
        BigDecimal pendingOut,
        BigDecimal unitCost,
        BigDecimal value) {}
