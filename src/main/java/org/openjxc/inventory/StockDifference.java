package org.openjxc.inventory;

import java.math.BigDecimal;

/** A place where a cached balance disagrees with the ledger. */
public record StockDifference(
        String kind,
        String item,
        String warehouse,
        String bin,
        String batch,
        String status,
        String field,
        BigDecimal ledger,
        BigDecimal cached) {}
