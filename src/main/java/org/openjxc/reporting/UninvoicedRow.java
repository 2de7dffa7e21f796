package org.openjxc.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A delivery (or receipt) line not yet fully invoiced: what went out net of returns, what was
 * invoiced, and what is left, with its amount at the line's price including VAT.
 */
public record UninvoicedRow(
        long documentId,
        String document,
        LocalDate date,
        String partner,
        String partnerName,
        int line,
        String item,
        String itemName,
        BigDecimal qty,
        BigDecimal returnedQty,
        BigDecimal invoicedQty,
        BigDecimal openQty,
        BigDecimal openAmount) {}
