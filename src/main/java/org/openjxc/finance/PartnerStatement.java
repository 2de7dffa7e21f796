package org.openjxc.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A partner's statement (对账单) over a period: the balance brought forward, every document and
 * receipt or payment booked to the partner's account in date order with the running balance, and
 * the balance carried forward. For a customer the balance is what they owe (1122, debit less
 * credit); for a supplier what is owed to them (2202, credit less debit).
 */
public record PartnerStatement(
        String partner,
        String partnerName,
        SettlementKind kind,
        LocalDate from,
        LocalDate to,
        BigDecimal opening,
        List<Line> lines,
        BigDecimal closing) {

    /** One voucher's effect on the account: what it added and what it took off. */
    public record Line(
            LocalDate date, String number, String type, BigDecimal increase, BigDecimal decrease, BigDecimal balance) {}
}
