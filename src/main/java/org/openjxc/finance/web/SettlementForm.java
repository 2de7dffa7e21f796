package org.openjxc.finance.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openjxc.finance.SettlementCommand;
import org.openjxc.finance.SettlementKind;

/** The receipt or payment form on the settlements page. */
public class SettlementForm {
    private SettlementKind kind = SettlementKind.RECEIPT;
    private String partner;
    private BigDecimal amount;
    private LocalDate date = LocalDate.now();
    private String account = "1002";
    private String remark;

    SettlementCommand toCommand() {
        return new SettlementCommand(kind, partner == null ? "" : partner, amount, date, account, remark);
    }

    public SettlementKind getKind() {
        return kind;
    }

    public void setKind(SettlementKind kind) {
        this.kind = kind;
    }

    public String getPartner() {
        return partner;
    }

    public void setPartner(String partner) {
        this.partner = partner;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }
}
