package org.openjxc.catalog;

import java.math.BigDecimal;
import java.util.List;

/** An item with its units and barcodes. {@code purchasePrice} is null for users who may not see it. */
public record ItemView(
        long id,
        String code,
        String name,
        String spec,
        String category,
        String categoryName,
        String unit,
        List<UnitFactor> units,
        List<String> barcodes,
        ItemType type,
        CostMethod costMethod,
        boolean batchManaged,
        Integer shelfLifeDays,
        BigDecimal safetyStock,
        AbcClass abcClass,
        String defaultSupplier,
        BigDecimal purchasePrice,
        BigDecimal salePrice,
        BigDecimal taxRate,
        BigDecimal weight,
        BigDecimal volume,
        boolean active,
        int version,
        boolean inspectOnReceipt) {

    /** This item without its purchase price, for users who lack {@code VIEW_PURCHASE_PRICE}. */
    public ItemView withoutPurchasePrice() {
        return new ItemView(
                id,
                code,
                name,
                spec,
                category,
                categoryName,
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
                null,
                salePrice,
                taxRate,
                weight,
                volume,
                active,
                version,
                inspectOnReceipt);
    }

    /** How many base units one {@code unitCode} is; empty when the item has no such unit. */
    public java.util.Optional<BigDecimal> factorOf(String unitCode) {
        if (unit.equals(unitCode)) {
            return java.util.Optional.of(BigDecimal.ONE);
        }
        return units.stream()
                .filter(u -> u.unit().equals(unitCode))
                .map(UnitFactor::factor)
                .findFirst();
    }
}
