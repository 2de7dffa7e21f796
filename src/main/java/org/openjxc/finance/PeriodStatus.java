package org.openjxc.finance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The books' closing state: closed through {@code closedThrough} (null when nothing is closed),
 * the month to close next, and the closed months, newest first.
 */
public record PeriodStatus(LocalDate closedThrough, YearMonth nextToClose, List<PeriodView> closed) {}
