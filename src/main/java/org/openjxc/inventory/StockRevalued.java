package org.openjxc.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openjxc.document.DocumentType;

/**
 * Moves were re-valued because {@code documentId} was posted or unposted with an earlier date than
 * later moves of the same items: the value corrected, by the date and type of the documents whose
 * moves were corrected. Published in the transaction that wrote the corrections, so the books
 * follow in it.
 */
public record StockRevalued(long companyId, long documentId, List<Amount> amounts) {

    /** What the moves of documents of one type and date were corrected by (negative: they took more). */
    public record Amount(LocalDate date, DocumentType type, BigDecimal value) {}
}
