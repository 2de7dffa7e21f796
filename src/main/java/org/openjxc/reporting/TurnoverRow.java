package org.openjxc.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How an item moves in a warehouse over a period: the cost of what was sold (deliveries net of
 * returns), the average stock value ((opening + closing) / 2), turnover = cost of sales / average
 * stock, days of supply = stock on hand / average daily quantity sold, and the last day it went
 * out. Values are null without {@code VIEW_COST}; turnover then too.
 */
public record TurnoverRow(
        String item,
        String itemName,
        String warehouse,
        BigDecimal onHand,
        BigDecimal stockValue,
        BigDecimal soldQty,
        BigDecimal costOfSales,
        BigDecimal averageStockValue,
        BigDecimal turnover,
        BigDecimal daysOfSupply,
        LocalDate lastOutbound) {}
