package org.openjxc.production;

import java.math.BigDecimal;

/**
 * One row of a multi-level BOM explosion (多级展开): what {@code qty} of the top item needs of this
 * item at this level, scrap included, and its standard cost (current average cost; for an item
 * with a BOM of its own and no stock, rolled up from that BOM). {@code unitCost} and {@code cost}
 * are null for users who may not see costs.
 */
public record ExplosionRow(
        int level,
        String item,
        String itemName,
        String unit,
        BigDecimal qty,
        BigDecimal scrapPercent,
        boolean byProduct,
        String bomVersion,
        BigDecimal unitCost,
        BigDecimal cost) {}
