package org.openjxc.partner;

import java.math.BigDecimal;

/** A supplier or customer as lists and the API show it. */
public record PartnerView(
        long id,
        String code,
        String name,
        PartnerType type,
        String region,
        String salesperson,
        String contact,
        String phone,
        String email,
        String address,
        BigDecimal creditLimit,
        Integer paymentTermsDays,
        String priceLevel,
        String taxNumber,
        String bankName,
        String bankAccount,
        boolean active,
        int version) {}
