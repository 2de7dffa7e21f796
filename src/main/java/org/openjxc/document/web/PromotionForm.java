package org.openjxc.document.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openjxc.document.Promotion;
import org.openjxc.shared.Text;
import org.springframework.format.annotation.DateTimeFormat;

/** The new-promotion form. */
public class PromotionForm {
    private String code;
    private String name;
    private String item;
    private BigDecimal buyQty;
    private String giftItem;
    private BigDecimal giftQty;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom = LocalDate.now();

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validTo = LocalDate.now().plusMonths(1);

    Promotion toCommand() {
        return new Promotion(
                Text.trimToNull(code),
                Text.trimToNull(name),
                Text.trimToNull(item),
                buyQty,
                Text.trimToNull(giftItem),
                giftQty,
                validFrom,
                validTo,
                true);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }

    public BigDecimal getBuyQty() {
        return buyQty;
    }

    public void setBuyQty(BigDecimal buyQty) {
        this.buyQty = buyQty;
    }

    public String getGiftItem() {
        return giftItem;
    }

    public void setGiftItem(String giftItem) {
        this.giftItem = giftItem;
    }

    public BigDecimal getGiftQty() {
        return giftQty;
    }

    public void setGiftQty(BigDecimal giftQty) {
        this.giftQty = giftQty;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }
}
