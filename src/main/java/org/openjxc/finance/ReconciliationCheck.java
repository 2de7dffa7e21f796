package org.openjxc.finance;

import java.math.BigDecimal;

/** One named check of API.md's reconciliation: what was expected, what the books say, the gap. */
public record ReconciliationCheck(String name, BigDecimal expected, BigDecimal actual, BigDecimal difference) {}
