package org.openjxc.finance;

import java.math.BigDecimal;
import org.openjxc.audit.AuditLog;
import org.openjxc.document.CreditControl;
import org.openjxc.document.DocumentPoster;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    CreditCheck(
            VoucherRows vouchers,
            Settings settings,
            Partners partners,
            ObjectProvider<Documents> documents,
            AuditLog audit,
            JdbcClient jdbc) {
        this.vouchers = vouchers;
        this.settings = settings;
        this.partners = partners;
        this.documents = documents;
        this.audit = audit;
        this.jdbc = jdbc;
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
        DocumentView doc = documents.getObject().view(d.companyId(), d.id());
        PartnerView customer = doc.partner() == null
                ? null
                : partners.find(d.companyId(), doc.partner()).orElse(null);
        if (customer == null || customer.creditLimit() == null) {
            return;
        }
        BigDecimal owed = vouchers.balance(d.companyId(), Account.RECEIVABLE.code(), customer.id());
        BigDecimal exposure = Rounding.amount(owed.add(openOrders(d.companyId(), customer.id(), d.id()))
                .add(doc.totalAmount() == null ? BigDecimal.ZERO : doc.totalAmount()));
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
                doc.number(),
                null,
                customer.code() + ": " + exposure + " > " + Rounding.plain(customer.creditLimit()));
    }

    @Override
    public void unpost(PostingDocument document) {
        // Taking a sale back lowers what the customer owes; nothing to check.
    }

    /** What the customer's other posted, open sales orders still have to deliver, at their prices. */
    private BigDecimal openOrders(long companyId, long partnerId, long except) {
        return jdbc.sql("""
                        select coalesce(sum(coalesce(l.amount, 0) * greatest(l.base_qty - coalesce((
                                 select sum(fl.base_qty) from document f
                                 join document_line fl on fl.company_id = f.company_id and fl.document_id = f.id
                                 where f.company_id = o.company_id and f.source_document_id = o.id
                                   and f.status = 'POSTED' and fl.source_line_no = l.line_no), 0), 0) / l.base_qty), 0)
                        from document o join document_line l on l.company_id = o.company_id and l.document_id = o.id
                        where o.company_id = ? and o.partner_id = ? and o.id <> ? and o.doc_type = 'SALES_ORDER'
                          and o.status in ('APPROVED', 'POSTED') and not o.closed""")
                .params(companyId, partnerId, except)
                .query(BigDecimal.class)
                .single();
    }
}
