package org.openjxc.finance;

import java.time.LocalDate;

/**
 * Filters of the voucher list: voucher dates, an account code, a partner code and (part of) the
 * source document's number; null or blank means any.
 */
public record VoucherQuery(LocalDate from, LocalDate to, String account, String partner, String document) {}
