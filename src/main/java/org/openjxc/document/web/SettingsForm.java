package org.openjxc.document.web;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.openjxc.document.CompanySettings;
import org.openjxc.document.CreditControl;
import org.openjxc.document.DocumentType;

/** The company settings form: switches, the types that need approval, the over-receipt allowance. */
public class SettingsForm {
    private boolean allowNegativeStock;
    private boolean postOnApprove;
    private boolean reserveOnSalesOrder;
    private boolean segregationOfDuties;
    private Set<DocumentType> requireApproval = EnumSet.noneOf(DocumentType.class);
    private BigDecimal overReceiptPercent;
    private boolean scanToDeliver;
    private CreditControl creditControl = CreditControl.OFF;
    private boolean pricesIncludeTax = true;
    private boolean revenueAtInvoice;
    private Integer version;

    static SettingsForm of(CompanySettings s) {
        var f = new SettingsForm();
        f.allowNegativeStock = s.allowNegativeStock();
        f.postOnApprove = s.postOnApprove();
        f.reserveOnSalesOrder = s.reserveOnSalesOrder();
        f.segregationOfDuties = s.segregationOfDuties();
        s.requireApproval().forEach((type, on) -> {
            if (Boolean.TRUE.equals(on)) {
                f.requireApproval.add(type);
            }
        });
        f.overReceiptPercent = s.overReceiptPercent();
        f.scanToDeliver = Boolean.TRUE.equals(s.scanToDeliver());
        f.creditControl = s.creditControl();
        f.pricesIncludeTax = Boolean.TRUE.equals(s.pricesIncludeTax());
        f.revenueAtInvoice = Boolean.TRUE.equals(s.revenueAtInvoice());
        f.version = s.version();
        return f;
    }

    CompanySettings toCommand() {
        Map<DocumentType, Boolean> approval = new EnumMap<>(DocumentType.class);
        for (DocumentType t : DocumentType.values()) {
            approval.put(t, requireApproval != null && requireApproval.contains(t));
        }
        return new CompanySettings(
                allowNegativeStock,
                postOnApprove,
                reserveOnSalesOrder,
                approval,
                segregationOfDuties,
                version,
                overReceiptPercent == null ? BigDecimal.ZERO : overReceiptPercent,
                scanToDeliver,
                creditControl,
                pricesIncludeTax,
                revenueAtInvoice);
    }

    public boolean isRevenueAtInvoice() {
        return revenueAtInvoice;
    }

    public void setRevenueAtInvoice(boolean revenueAtInvoice) {
        this.revenueAtInvoice = revenueAtInvoice;
    }

    public boolean isPricesIncludeTax() {
        return pricesIncludeTax;
    }

    public void setPricesIncludeTax(boolean pricesIncludeTax) {
        this.pricesIncludeTax = pricesIncludeTax;
    }

    public boolean isAllowNegativeStock() {
        return allowNegativeStock;
    }

    public void setAllowNegativeStock(boolean allowNegativeStock) {
        this.allowNegativeStock = allowNegativeStock;
    }

    public boolean isPostOnApprove() {
        return postOnApprove;
    }

    public void setPostOnApprove(boolean postOnApprove) {
        this.postOnApprove = postOnApprove;
    }

    public boolean isReserveOnSalesOrder() {
        return reserveOnSalesOrder;
    }

    public void setReserveOnSalesOrder(boolean reserveOnSalesOrder) {
        this.reserveOnSalesOrder = reserveOnSalesOrder;
    }

    public boolean isSegregationOfDuties() {
        return segregationOfDuties;
    }

    public void setSegregationOfDuties(boolean segregationOfDuties) {
        this.segregationOfDuties = segregationOfDuties;
    }

    public Set<DocumentType> getRequireApproval() {
        return requireApproval;
    }

    public void setRequireApproval(Set<DocumentType> requireApproval) {
        this.requireApproval = requireApproval;
    }

    public BigDecimal getOverReceiptPercent() {
        return overReceiptPercent;
    }

    public void setOverReceiptPercent(BigDecimal overReceiptPercent) {
        this.overReceiptPercent = overReceiptPercent;
    }

    public boolean isScanToDeliver() {
        return scanToDeliver;
    }

    public void setScanToDeliver(boolean scanToDeliver) {
        this.scanToDeliver = scanToDeliver;
    }

    public CreditControl getCreditControl() {
        return creditControl;
    }

    public void setCreditControl(CreditControl creditControl) {
        this.creditControl = creditControl;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
