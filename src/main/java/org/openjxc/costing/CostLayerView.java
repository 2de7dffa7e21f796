package org.openjxc.costing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A cost layer still holding stock, as users see it. */
public record CostLayerView(
        long id,
        String item,
        String itemName,
        String warehouse,
        String batch,
        long document,
        String documentNumber,
        int line,
        OffsetDateTime receivedAt,
        BigDecimal unitCost,
        BigDecimal qtyIn,
        BigDecimal qtyRemaining,
        BigDecimal valueRemaining) {}
