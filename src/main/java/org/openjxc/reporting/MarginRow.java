package org.openjxc.reporting;

import java.math.BigDecimal;

/**
 * Sales margin of one group (an item, a customer, a region, a salesperson) over a period:
 * revenue of posted deliveries net of returns at their prices, their cost at what the stock
 * ledger took out (returns back at their original cost), margin and margin percent of revenue.
 */
public record MarginRow(
        String key, String name, BigDecimal revenue, BigDecimal cost, BigDecimal margin, BigDecimal marginPercent) {}
