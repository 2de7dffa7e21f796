package org.openjxc.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Stock at one position (API.md "Stock"). Cost fields are null for users without VIEW_COST. */
public record StockPosition(
        String item,
        String itemName,
        String unit,
        String warehouse,
        String bin,
        boolean binCountsAsAvailable,
        String batch,
        LocalDate expiryDate,
        String status,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal available,
        BigDecimal unitCost,
        BigDecimal value) {}
