package org.openjxc.finance;

import java.math.BigDecimal;
import org.openjxc.audit.AuditLog;
import org.openjxc.document.CreditControl;
import org.openjxc.document.DocumentPoster;
import org.openjxc.document.DocumentType;
import org.openjxc.document.Documents;
import org.openjxc.document.PostingDocument;
import org.openjxc.document.Settings;
import org.openjxc.finance.internal.VoucherRows;
import org.openjxc.partner.PartnerView;
import org.openjxc.partner.Partners;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.Rounding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit limit, checked before anything of a sales order or a delivery without an order is
 * posted: what the customer owes (the receivable account), plus what their open sales orders still
 * have to deliver, plus this document, against their limit. Over it, the company's setting refuses
 * the posting ({@code CREDIT_LIMIT_EXCEEDED}) or posts it and records a warning in the audit log.
 * A delivery against an order was checked with the order.
 */
@Service
@Order(-10)
public class CreditCheck implements DocumentPoster {

    private final VoucherRows vouchers;
    private final Settings settings;
    private final Partners partners;
    private final ObjectProvider<Documents> documents;
    private final AuditLog audit;

    CreditCheck(
            VoucherRows vouchers,
            Settings settings,
            Partners partners,
            ObjectProvider<Documents> documents,
            AuditLog audit) {
        this.vouchers = vouchers;
        this.settings = settings;
        this.partners = partners;
        this.documents = documents;
        this.audit = audit;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void post(PostingDocument d) {
        boolean sale = d.type() == DocumentType.SALES_ORDER
                || d.type() == DocumentType.SALES_DELIVERY && d.sourceDocumentId() == null;
        if (!sale) {
            return;
        }
        CreditControl control = settings.get(d.companyId()).creditControl();
        if (control == CreditControl.OFF) {
            return;
        }
        PartnerView customer = d.partnerId() == null
                ? null
                : partners.findById(d.companyId(), d.partnerId()).orElse(null);
        if (customer == null || customer.creditLimit() == null) {
            return;
        }
        BigDecimal owed = vouchers.balance(d.companyId(), Account.RECEIVABLE.code(), customer.id());
        BigDecimal open = documents.getObject().openSalesOrderValue(d.companyId(), customer.id(), d.id());
        // The receivable is with VAT, so is what is being added to it.
        BigDecimal exposure = Rounding.amount(owed.add(open).add(d.netAmount()).add(d.taxAmount()));
        if (exposure.compareTo(customer.creditLimit()) <= 0) {
            return;
        }
        if (control == CreditControl.BLOCK) {
            throw new BusinessException(
                            ErrorCode.CREDIT_LIMIT_EXCEEDED,
                            "error.credit.exceeded",
                            customer.code(),
                            Rounding.plain(customer.creditLimit()),
                            exposure)
                    .withFact("creditLimit", customer.creditLimit())
                    .withFact("exposure", exposure);
        }
        audit.record(
                "CREDIT_WARNING",
                "Document",
                d.number(),
                null,
                customer.code() + ": " + exposure + " > " + Rounding.plain(customer.creditLimit()));
    }

    @Override
    public void unpost(PostingDocument document) {
        // Taking a sale back lowers what the customer owes; nothing to check.
    }
}
