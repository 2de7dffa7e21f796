package org.openjxc.finance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * A closed month with the figures it was closed with: stock value at its end (by document date)
 * and the inventory account's balance through its end; their difference is shown, never hidden.
 */
public record PeriodView(
        YearMonth month,
        OffsetDateTime closedAt,
        String closedBy,
        BigDecimal stockValue,
        BigDecimal inventoryAccount,
        BigDecimal difference) {}
