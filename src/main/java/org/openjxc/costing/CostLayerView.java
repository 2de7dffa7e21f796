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
        /** The date of the document that opened it: stock goes out of the earliest first. */
        java.time.LocalDate receivedOn,
        BigDecimal unitCost,
        BigDecimal qtyIn,
        BigDecimal qtyRemaining,
        BigDecimal valueRemaining) {}
