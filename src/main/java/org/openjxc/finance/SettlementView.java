package org.openjxc.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A receipt or payment with the documents it settled; {@code unallocated} is an advance. */
public record SettlementView(
        long id,
        String number,
        SettlementKind kind,
        String partner,
        String partnerName,
        LocalDate date,
        BigDecimal amount,
        String account,
        String remark,
        boolean cancelled,
        String createdBy,
        OffsetDateTime createdAt,
        BigDecimal unallocated,
        List<Allocation> allocations) {

    /** What of the settlement went to one document. */
    public record Allocation(long document, String number, String type, LocalDate date, BigDecimal amount) {}
}
