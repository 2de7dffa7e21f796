package org.openjxc.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A document still owed on: a delivery (with its returns netted) to a customer, or a receipt or
 * landed cost to a supplier; {@code booked} is what its vouchers put on the partner's account,
 * {@code settled} what receipts or payments allocated to it, {@code open} the rest.
 */
public record OpenItem(
        long document,
        String number,
        String type,
        LocalDate date,
        LocalDate dueDate,
        BigDecimal booked,
        BigDecimal settled,
        BigDecimal open) {}
