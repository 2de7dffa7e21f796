package org.openjxc.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A voucher with its lines and the one document it comes from; {@code reversalOf} names the
 * voucher an unpost mirrored.
 */
public record VoucherView(
        long id,
        /** The source document, or null for a receipt's or payment's voucher (then documentType is RECEIPT or PAYMENT). */
        Long sourceDocument,
        String documentNumber,
        String documentType,
        LocalDate date,
        Long reversalOf,
        /** Books re-valuation corrections that a back-dated posting of the source document caused. */
        boolean revaluation,
        List<Line> lines) {

    /** One line: an account, a debit or a credit, and the partner for receivables and payables. */
    public record Line(String account, String accountName, BigDecimal debit, BigDecimal credit, String partner) {}
}
