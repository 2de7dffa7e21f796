package org.openjxc.production.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.openjxc.production.BomKind;
import org.openjxc.shared.Rounding;

/** A BOM version as posting uses it: ids and numbers only. */
public record Recipe(
        long id,
        long itemId,
        String version,
        BomKind kind,
        BigDecimal outputQty,
        BigDecimal tolerancePercent,
        BigDecimal labourRate,
        BigDecimal overheadRate,
        List<Part> parts) {

    /** A line: {@code qty} per {@code outputQty} of the parent, plus {@code scrapPercent} on top. */
    public record Part(
            int line, long itemId, BigDecimal qty, BigDecimal scrapPercent, boolean byProduct, BigDecimal unitCost) {}

    /** What {@code made} base units of the parent take of a part (or yield, for a by-product), to 4 places. */
    public BigDecimal need(Part part, BigDecimal made) {
        BigDecimal scrap = part.byProduct()
                ? BigDecimal.ONE
                : BigDecimal.ONE.add(part.scrapPercent().movePointLeft(2));
        return made.multiply(part.qty()).multiply(scrap).divide(outputQty, Rounding.QTY_SCALE, RoundingMode.HALF_UP);
    }

    /** The same without rounding, for costs per unit. */
    public BigDecimal perUnit(Part part) {
        BigDecimal scrap = part.byProduct()
                ? BigDecimal.ONE
                : BigDecimal.ONE.add(part.scrapPercent().movePointLeft(2));
        return part.qty().multiply(scrap).divide(outputQty, 10, RoundingMode.HALF_UP);
    }

    public List<Part> components() {
        return parts.stream().filter(p -> !p.byProduct()).toList();
    }

    public List<Part> byProducts() {
        return parts.stream().filter(Part::byProduct).toList();
    }
}
