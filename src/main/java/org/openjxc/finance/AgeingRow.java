package org.openjxc.finance;

import java.math.BigDecimal;

/**
 * A partner's open amount by how long it is overdue (due = document date + the partner's payment
 * terms): not yet due, 1–30, 31–60, 61–90 and over 90 days; {@code advance} is what receipts or
 * payments hold unallocated, {@code net} the open total less it.
 */
public record AgeingRow(
        String partner,
        String partnerName,
        BigDecimal notDue,
        BigDecimal days1to30,
        BigDecimal days31to60,
        BigDecimal days61to90,
        BigDecimal over90,
        BigDecimal total,
        BigDecimal advance,
        BigDecimal net) {}
