package org.openjxc.costing;

import java.math.BigDecimal;

/** An item and warehouse whose open layers do not add up to its stock totals. */
public record LayerMismatch(
        String item,
        String warehouse,
        BigDecimal onHand,
        BigDecimal layerQty,
        BigDecimal value,
        BigDecimal layerValue) {}
