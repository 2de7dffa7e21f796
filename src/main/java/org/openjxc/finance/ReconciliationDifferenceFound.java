package org.openjxc.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A reconciliation check of a run found the books differing from what they are checked against. */
public record ReconciliationDifferenceFound(
        long companyId, LocalDate date, String check, BigDecimal expected, BigDecimal actual, BigDecimal difference) {}
