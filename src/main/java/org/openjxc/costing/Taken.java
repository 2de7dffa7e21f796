package org.openjxc.costing;

import java.math.BigDecimal;
import java.util.List;

/** What layers gave for an outbound quantity; {@code qty} is less than asked when they ran out. */
public record Taken(BigDecimal qty, BigDecimal value, List<CostPiece> pieces) {

    static final Taken NOTHING = new Taken(BigDecimal.ZERO, BigDecimal.ZERO, List.of());
}
