package org.openjxc.finance.internal;

import java.util.List;
import org.openjxc.document.DocumentPoster;
import org.openjxc.document.PostingDocument;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to unpost a document that receipts or payments were allocated to (or an invoice of one):
 * the money would point at nothing. Cancelling those settlements first frees it.
 */
@Component
@Order(-9)
class SettledDocumentGuard implements DocumentPoster {

    private final SettlementRows rows;

    SettledDocumentGuard(SettlementRows rows) {
        this.rows = rows;
    }

    @Override
    public void post(PostingDocument d) {}

    @Override
    public void unpost(PostingDocument d) {
        // An invoice's receivable (payable) is settled on its delivery (receipt): taking it away
        // would leave that settled beyond what it is owed.
        boolean invoice = d.type() == org.openjxc.document.DocumentType.SALES_INVOICE
                || d.type() == org.openjxc.document.DocumentType.SUPPLIER_INVOICE;
        List<String> settling = invoice && d.sourceDocumentId() != null
                ? rows.settling(d.companyId(), d.sourceDocumentId())
                : rows.settling(d.companyId(), d.id());
        if (!settling.isEmpty()) {
            throw new BusinessException(
                            ErrorCode.INVALID_STATE,
                            "error.settlement.documentSettled",
                            d.number(),
                            String.join(", ", settling))
                    .withFact("settlements", settling);
        }
    }
}
