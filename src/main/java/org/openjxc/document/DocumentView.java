package org.openjxc.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A document with its lines and lifecycle facts. */
public record DocumentView(
        long id,
        String number,
        DocumentType type,
        DocumentStatus status,
        LocalDate date,
        String warehouse,
        String warehouseName,
        String toWarehouse,
        String toWarehouseName,
        String partner,
        Long sourceDocument,
        String remark,
        String holdReason,
        int version,
        String createdBy,
        OffsetDateTime createdAt,
        String submittedBy,
        String approvedBy,
        String postedBy,
        OffsetDateTime postedAt,
        boolean fullyReceived,
        /** An order closed with quantities still open: nothing more is received or delivered on it. */
        boolean closed,
        LocalDate expectedDate,
        BigDecimal totalQty,
        BigDecimal totalAmount,
        List<DocumentLineView> lines,
        /** A landed cost's allocation basis; null for other types. */
        AllocationBasis allocation) {}
