package org.openjxc.production;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A BOM version with its lines; {@code inUse} once a posted production order fixed it. */
public record BomView(
        long id,
        String item,
        String itemName,
        String unit,
        String version,
        BomKind kind,
        BigDecimal outputQty,
        LocalDate validFrom,
        LocalDate validTo,
        BigDecimal tolerancePercent,
        BigDecimal labourRate,
        BigDecimal overheadRate,
        boolean active,
        String remark,
        boolean inUse,
        List<Line> lines) {

    public record Line(
            int line,
            String item,
            String itemName,
            String unit,
            BigDecimal qty,
            BigDecimal scrapPercent,
            boolean byProduct,
            BigDecimal unitCost) {}
}
