package org.openjxc.inventory;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A ledger row with its document. {@code balance} is the running on-hand of the item in the
 * warehouse after this move (when the query names both).
 */
public record StockMoveView(
        long id,
        String item,
        String warehouse,
        String bin,
        String batch,
        String status,
        BigDecimal qty,
        BigDecimal unitCost,
        BigDecimal value,
        long document,
        String documentNumber,
        String documentType,
        int line,
        boolean reversal,
        OffsetDateTime postedAt,
        String postedBy,
        BigDecimal balance) {}
