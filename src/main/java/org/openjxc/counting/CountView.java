package org.openjxc.counting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A count with its progress: lines listed, counted, waiting for a recount, differing. */
public record CountView(
        long id,
        String number,
        String warehouse,
        String warehouseName,
        CountKind kind,
        String abcClass,
        boolean blind,
        boolean freeze,
        BigDecimal tolerancePercent,
        CountStatus status,
        String remark,
        String createdBy,
        OffsetDateTime createdAt,
        String approvedBy,
        OffsetDateTime approvedAt,
        Long adjustmentDocument,
        long lines,
        long counted,
        long recounts,
        long differences,
        int version) {}
