package org.openjxc.document;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a document command (API.md "Documents"). {@code unit} defaults to the item's base
 * unit; {@code status} is the pool stock goes into (inbound, status change) or comes from
 * (outbound, transfer); {@code fromStatus} is the pool a status change takes from.
 */
public record LineCommand(
        @NotBlank String item,

        /** Positive; signed only on a count adjustment (gain or loss). Checked by the service. */
        @NotNull @Digits(integer = 14, fraction = 4) BigDecimal qty,

        String unit,
        @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal price,
        String bin,
        String toBin,
        @Size(max = 40) String batch,
        LocalDate productionDate,
        LocalDate expiryDate,
        StockStatus status,
        StockStatus fromStatus,
        Boolean gift,
        @Size(max = 300) String remark,
        /** The line of the source document this one follows; by default the first with the same item. */
        @Min(1) Integer sourceLine,

        /**
         * VAT rate of a purchasing or sales line (0.13 for 13%); by default the item's. Whether
         * {@code price} includes it is the company's {@code pricesIncludeTax}.
         */
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
        BigDecimal taxRate) {

    public LineCommand(
            String item,
            BigDecimal qty,
            String unit,
            BigDecimal price,
            String bin,
            String toBin,
            String batch,
            LocalDate productionDate,
            LocalDate expiryDate,
            StockStatus status,
            StockStatus fromStatus,
            Boolean gift,
            String remark,
            Integer sourceLine) {
        this(
                item,
                qty,
                unit,
                price,
                bin,
                toBin,
                batch,
                productionDate,
                expiryDate,
                status,
                fromStatus,
                gift,
                remark,
                sourceLine,
                null);
    }

    public LineCommand(
            String item,
            BigDecimal qty,
            String unit,
            BigDecimal price,
            String bin,
            String toBin,
            String batch,
            LocalDate productionDate,
            LocalDate expiryDate,
            StockStatus status,
            StockStatus fromStatus,
            Boolean gift,
            String remark) {
        this(
                item,
                qty,
                unit,
                price,
                bin,
                toBin,
                batch,
                productionDate,
                expiryDate,
                status,
                fromStatus,
                gift,
                remark,
                null);
    }
}
