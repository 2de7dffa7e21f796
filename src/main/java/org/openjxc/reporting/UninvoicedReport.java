package org.openjxc.reporting;

import java.time.LocalDate;
import org.openjxc.reporting.internal.InvoiceQueries;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 已发货未开票 / 已收货未收票: what was delivered to customers (received from suppliers), net of
 * returns, and is not invoiced yet — what accountants chase at month end.
 */
@Service
public class UninvoicedReport {

    /** Which side of the business: deliveries to customers or receipts from suppliers. */
    public enum Side {
        SALES("SALES_DELIVERY", "SALES_RETURN", "SALES_INVOICE"),
        PURCHASES("PURCHASE_RECEIPT", "PURCHASE_RETURN", "SUPPLIER_INVOICE");

        final String type;
        final String returnType;
        final String invoiceType;

        Side(String type, String returnType, String invoiceType) {
            this.type = type;
            this.returnType = returnType;
            this.invoiceType = invoiceType;
        }
    }

    private final InvoiceQueries queries;

    UninvoicedReport(InvoiceQueries queries) {
        this.queries = queries;
    }

    @Transactional(readOnly = true)
    public PageResult<UninvoicedRow> list(
            Actor actor, Side side, String partner, LocalDate from, LocalDate to, PageQuery page) {
        Side s = side == null ? Side.SALES : side;
        if (!Actors.has(Permission.forDocument("VIEW", s.type))) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.document.permission", "VIEW_" + s.type);
        }
        return queries.uninvoiced(
                actor.companyId(), actor.scope(), s.type, s.returnType, s.invoiceType, partner, from, to, page);
    }
}
