package org.openjxc.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A document being posted or unposted, with everything a poster needs and no more. */
public record PostingDocument(
        long companyId,
        long id,
        String number,
        DocumentType type,
        long warehouseId,
        Long toWarehouseId,
        long actorId,
        boolean allowNegativeStock,
        List<PostingLine> lines,
        /** The document this one follows (the order a delivery fulfils, the delivery a return takes back). */
        Long sourceDocumentId,
        /** Whether a sales order reserves stock when posted (the company's {@code reserveOnSalesOrder}). */
        boolean reserve,
        LocalDate date,
        Long partnerId,
        /** A landed cost's allocation basis; null for other types. */
        AllocationBasis allocation,
        /** Receivables and revenue at the customer invoice (the company's {@code revenueAtInvoice}). */
        boolean revenueAtInvoice,
        /**
         * Created and posted in this same transaction: nothing of it is in the ledger or the books
         * yet, so a poster need not look for what earlier postings of it left behind.
         */
        boolean firstPosting) {

    /** The same document with other lines (a preparer's valuation of them). */
    public PostingDocument withLines(List<PostingLine> other) {
        return new PostingDocument(
                companyId,
                id,
                number,
                type,
                warehouseId,
                toWarehouseId,
                actorId,
                allowNegativeStock,
                other,
                sourceDocumentId,
                reserve,
                date,
                partnerId,
                allocation,
                revenueAtInvoice,
                firstPosting);
    }

    /** The document's amount without VAT: what revenue is booked at. */
    public BigDecimal netAmount() {
        return lines.stream()
                .map(PostingLine::netAmount)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The VAT of the document's lines. */
    public BigDecimal taxAmount() {
        return lines.stream()
                .map(PostingLine::taxAmount)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The document's amount: its lines at their prices, as entered. */
    public BigDecimal amount() {
        return lines.stream()
                .map(PostingLine::amount)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
