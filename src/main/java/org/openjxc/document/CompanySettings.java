package org.openjxc.document;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Company settings of API.md "Settings". {@code requireApproval} names the document types that
 * must be approved before they post.
 */
public record CompanySettings(
        @NotNull Boolean allowNegativeStock,
        @NotNull Boolean postOnApprove,
        @NotNull Boolean reserveOnSalesOrder,
        @NotNull Map<DocumentType, Boolean> requireApproval,
        @NotNull Boolean segregationOfDuties,
        Integer version,
        /** How much more than ordered a purchase receipt may bring in, in percent; null keeps it. */
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal overReceiptPercent,
        /** Sales deliveries post only once every line was scanned; null keeps it. */
        Boolean scanToDeliver,
        /** Over the credit limit: OFF, WARN or BLOCK; null keeps it. */
        CreditControl creditControl,
        /** Whether line prices include VAT (含税价, the default); null keeps it. */
        Boolean pricesIncludeTax,
        /**
         * Receivables and revenue at the customer invoice (开票确认收入) instead of at delivery; chosen
         * before the first delivery is posted; null keeps it.
         */
        Boolean revenueAtInvoice) {

    public CompanySettings(
            Boolean allowNegativeStock,
            Boolean postOnApprove,
            Boolean reserveOnSalesOrder,
            Map<DocumentType, Boolean> requireApproval,
            Boolean segregationOfDuties,
            Integer version,
            BigDecimal overReceiptPercent,
            Boolean scanToDeliver,
            CreditControl creditControl,
            Boolean pricesIncludeTax) {
        this(
                allowNegativeStock,
                postOnApprove,
                reserveOnSalesOrder,
                requireApproval,
                segregationOfDuties,
                version,
                overReceiptPercent,
                scanToDeliver,
                creditControl,
                pricesIncludeTax,
                null);
    }

    public CompanySettings(
            Boolean allowNegativeStock,
            Boolean postOnApprove,
            Boolean reserveOnSalesOrder,
            Map<DocumentType, Boolean> requireApproval,
            Boolean segregationOfDuties,
            Integer version,
            BigDecimal overReceiptPercent,
            Boolean scanToDeliver,
            CreditControl creditControl) {
        this(
                allowNegativeStock,
                postOnApprove,
                reserveOnSalesOrder,
                requireApproval,
                segregationOfDuties,
                version,
                overReceiptPercent,
                scanToDeliver,
                creditControl,
                null);
    }

    public CompanySettings(
            Boolean allowNegativeStock,
            Boolean postOnApprove,
            Boolean reserveOnSalesOrder,
            Map<DocumentType, Boolean> requireApproval,
            Boolean segregationOfDuties,
            Integer version) {
        this(
                allowNegativeStock,
                postOnApprove,
                reserveOnSalesOrder,
                requireApproval,
                segregationOfDuties,
                version,
                null,
                null,
                null);
    }

    public boolean requiresApproval(DocumentType type) {
        return Boolean.TRUE.equals(requireApproval.get(type));
    }
}
