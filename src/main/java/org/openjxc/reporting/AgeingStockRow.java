package org.openjxc.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Stock of an item in a warehouse by how long it has been held (库龄): quantity and value per age
 * bracket of {@link StockAgeing#BRACKETS}, the last one open-ended, and the oldest receipt date.
 * Values are null without {@code VIEW_COST}.
 */
public record AgeingStockRow(
        String item,
        String itemName,
        String warehouse,
        BigDecimal qty,
        BigDecimal value,
        List<BigDecimal> qtyByAge,
        List<BigDecimal> valueByAge,
        LocalDate oldest) {}
