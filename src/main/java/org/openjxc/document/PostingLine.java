package org.openjxc.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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
        BigDecimal matchedTax,
        /**
         * What moves in the line's stead (null: the line's own item): the components of a kit or
         * recipe sold, the requirements a production order reserves; empty when nothing moves (a
         * dish brought back does not return its ingredients).
         */
        List<Component> components) {

    /** A component in base units; {@code key} numbers a production order's requirements across its lines. */
    public record Component(int key, long itemId, BigDecimal baseQty) {}

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
                tax,
                components);
    }

    public PostingLine withComponents(List<Component> parts) {
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
                matchedNet,
                matchedTax,
                parts);
    }

    /** The line at a cost worked out when posting (a finished-goods receipt): exactly {@code value}. */
    public PostingLine withValue(BigDecimal unitCost, BigDecimal value) {
        return new PostingLine(
                line,
                itemId,
                baseQty,
                unitCost,
                binId,
                toBinId,
                batch,
                expiryDate,
                status,
                fromStatus,
                receivedQty,
                sourceLine,
                value,
                value,
                BigDecimal.ZERO,
                matchedNet,
                matchedTax,
                components);
    }

    /** The line following another line of its source (a material issue's requirement). */
    public PostingLine withSourceLine(Integer source) {
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
                source,
                amount,
                netAmount,
                taxAmount,
                matchedNet,
                matchedTax,
                components);
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
