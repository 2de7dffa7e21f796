package org.openjxc.finance;

import java.math.BigDecimal;

/** What a partner owes us (receivable) and what we owe them (payable), from the vouchers. */
public record PartnerBalance(String partner, BigDecimal receivable, BigDecimal payable) {}
