package org.openjxc.reporting;

import java.math.BigDecimal;

/** On hand of an item in a warehouse at the end of a day; value is null without {@code VIEW_COST}. */
public record StockBalanceRow(
        String item, String itemName, String unit, String warehouse, BigDecimal qty, BigDecimal value) {}
