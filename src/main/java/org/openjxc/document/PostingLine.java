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
        BigDecimal taxAmount,
        /** A supplier invoice's line: what the receipt booked for the invoiced quantity, without VAT and its VAT. */
        BigDecimal matchedNet,
        BigDecimal matchedTax) {

    public PostingLine withMatched(BigDecimal net, BigDecimal tax) {
        return new PostingLine(
                line,
                itemId,
                baseQty,
                unitPrice,
                binId,
                toBinId,
                batch,
                expiryDate,
                status,
                fromStatus,
                receivedQty,
                sourceLine,
                amount,
                netAmount,
                taxAmount,
                net,
                tax);
    }

    /** What a supplier invoice's line charges beyond what the receipt booked, without VAT. */
    public BigDecimal priceDifference() {
        return netAmount == null || matchedNet == null ? BigDecimal.ZERO : netAmount.subtract(matchedNet);
    }

    /** The same for the VAT. */
    public BigDecimal taxDifference() {
        return taxAmount == null || matchedTax == null ? BigDecimal.ZERO : taxAmount.subtract(matchedTax);
    }
}
