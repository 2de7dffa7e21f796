package org.openjxc.reporting;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openjxc.document.DocumentType;

/**
 * An item in a warehouse over a period: opening, what came in and went out (in total and by
 * document type), closing; quantities in the base unit, values at cost (null without
 * {@code VIEW_COST}). Status changes move nothing in or out and are left out.
 */
public record InOutRow(
        String item,
        String itemName,
        String unit,
        String warehouse,
        BigDecimal openingQty,
        BigDecimal openingValue,
        BigDecimal inQty,
        BigDecimal inValue,
        BigDecimal outQty,
        BigDecimal outValue,
        BigDecimal closingQty,
        BigDecimal closingValue,
        Map<String, BigDecimal> inByType,
        Map<String, BigDecimal> outByType) {

    /**
     * Types that move stock in or out (status changes only move it between pools, landed costs only
     * its value), in column order.
     */
    public static final List<DocumentType> TYPES = Arrays.stream(DocumentType.values())
            .filter(t -> t.direction() != DocumentType.Direction.ORDER
                    && t.direction() != DocumentType.Direction.STATUS_CHANGE
                    && t.direction() != DocumentType.Direction.VALUE)
            .toList();
}
