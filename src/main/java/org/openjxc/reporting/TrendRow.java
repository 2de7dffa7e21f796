package org.openjxc.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month of the trend: sales net of returns and VAT, their cost, the margin, and purchases. */
public record TrendRow(YearMonth month, BigDecimal revenue, BigDecimal cost, BigDecimal margin, BigDecimal purchases) {}
