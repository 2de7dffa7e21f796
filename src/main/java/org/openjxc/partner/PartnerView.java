package org.openjxc.partner;

import java.math.BigDecimal;
import java.util.List;

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
        int version,
        List<PartnerContact> contacts) {

    /** The same partner with its contacts, in their order. */
    public PartnerView withContacts(List<PartnerContact> list) {
        return new PartnerView(
                id,
                code,
                name,
                type,
                region,
                salesperson,
                contact,
                phone,
                email,
                address,
                creditLimit,
                paymentTermsDays,
                priceLevel,
                taxNumber,
                bankName,
                bankAccount,
                active,
                version,
                List.copyOf(list));
    }
}
