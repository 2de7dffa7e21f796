package org.openjxc.document;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line as a poster needs it: ids, quantity in the base unit, unit cost in the base unit (without
 * VAT, which is never part of stock value).
 */
public record PostingLine(
        int line,
        long itemId,
        BigDecimal baseQty,
        BigDecimal unitPrice,
        long binId,
        long toBinId,
        String batch,
        LocalDate expiryDate,
        StockStatus status,
        StockStatus fromStatus,
        BigDecimal receivedQty,
        Integer sourceLine,
        /** What the line is worth at its price, as entered (null without a price). */
        BigDecimal amount,
        /** The line without VAT (null without a price) and its VAT. */
        BigDecimal netAmount,
        BigDecimal taxAmount) {}
