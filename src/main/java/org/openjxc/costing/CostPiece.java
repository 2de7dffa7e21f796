package org.openjxc.costing;

import java.math.BigDecimal;

/** Quantity and value taken from one cost layer. */
public record CostPiece(BigDecimal qty, BigDecimal value, String batch) {}
