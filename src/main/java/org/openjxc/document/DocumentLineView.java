package org.openjxc.document;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A document line as shown: codes, quantities in the entered unit and in the base unit. */
public record DocumentLineView(
        int line,
        String item,
        String itemName,
        BigDecimal qty,
        String unit,
        BigDecimal baseQty,
        String baseUnit,
        BigDecimal price,
        BigDecimal amount,
        String bin,
        String toBin,
        String batch,
        LocalDate productionDate,
        LocalDate expiryDate,
        StockStatus status,
        StockStatus fromStatus,
        boolean gift,
        BigDecimal receivedQty,
        String remark,
        Integer sourceLine,
        /** For a line others follow: base quantity not yet received, delivered or returned against it. */
        BigDecimal openQty,
        /** VAT rate, VAT of the line, and the line without VAT (null without a price). */
        BigDecimal taxRate,
        BigDecimal taxAmount,
        BigDecimal netAmount) {

    public DocumentLineView withOpenQty(BigDecimal open) {
        return new DocumentLineView(
                line,
                item,
                itemName,
                qty,
                unit,
                baseQty,
                baseUnit,
                price,
                amount,
                bin,
                toBin,
                batch,
                productionDate,
                expiryDate,
                status,
                fromStatus,
                gift,
                receivedQty,
                remark,
                sourceLine,
                open,
                taxRate,
                taxAmount,
                netAmount);
    }
}
