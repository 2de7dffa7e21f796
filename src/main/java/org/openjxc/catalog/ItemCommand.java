package org.openjxc.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.openjxc.shared.Codes;

/**
 * Create or change an item (API.md "Master data"). {@code unit} is the base unit in which stock
 * is kept; {@code units} are alternate units with their factors; {@code category} and
 * {@code defaultSupplier} are codes. Omitted optional fields take their defaults.
 */
public record ItemCommand(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = "{openjxc.code.pattern}")
        String code,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String spec,
        String category,
        @NotBlank String unit,
        @Size(max = 20) List<@Valid UnitFactor> units,

        @Size(max = 20)
        List<@NotBlank @Pattern(regexp = "[0-9A-Za-z_.+-]{1,64}", message = "{openjxc.barcode.pattern}") String>
                barcodes,

        ItemType type,
        CostMethod costMethod,
        Boolean batchManaged,
        @Min(1) @Max(36500) Integer shelfLifeDays,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal safetyStock,
        AbcClass abcClass,
        String defaultSupplier,
        @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal purchasePrice,
        @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal salePrice,

        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
        BigDecimal taxRate,

        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal weight,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal volume,
        Boolean active,
        Integer version,
        /** Receipts of the item go into the QC pool until inspected; null keeps what the item has. */
        Boolean inspectOnReceipt) {

    public ItemCommand(
            String code,
            String name,
            String spec,
            String category,
            String unit,
            List<UnitFactor> units,
            List<String> barcodes,
            ItemType type,
            CostMethod costMethod,
            Boolean batchManaged,
            Integer shelfLifeDays,
            BigDecimal safetyStock,
            AbcClass abcClass,
            String defaultSupplier,
            BigDecimal purchasePrice,
            BigDecimal salePrice,
            BigDecimal taxRate,
            BigDecimal weight,
            BigDecimal volume,
            Boolean active,
            Integer version) {
        this(
                code,
                name,
                spec,
                category,
                unit,
                units,
                barcodes,
                type,
                costMethod,
                batchManaged,
                shelfLifeDays,
                safetyStock,
                abcClass,
                defaultSupplier,
                purchasePrice,
                salePrice,
                taxRate,
                weight,
                volume,
                active,
                version,
                null);
    }

    /** The same command with another purchase price, for users who may not see or set it. */
    public ItemCommand withPurchasePrice(BigDecimal price) {
        return new ItemCommand(
                code,
                name,
                spec,
                category,
                unit,
                units,
                barcodes,
                type,
                costMethod,
                batchManaged,
                shelfLifeDays,
                safetyStock,
                abcClass,
                defaultSupplier,
                price,
                salePrice,
                taxRate,
                weight,
                volume,
                active,
                version,
                inspectOnReceipt);
    }

    public List<UnitFactor> unitsOrEmpty() {
        return units == null ? List.of() : units;
    }

    public List<String> barcodesOrEmpty() {
        return barcodes == null ? List.of() : barcodes;
    }
}
