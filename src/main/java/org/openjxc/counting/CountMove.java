package org.openjxc.counting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A ledger move near a counted position: who moved what, when, by which document. */
public record CountMove(
        OffsetDateTime postedAt,
        String postedBy,
        long document,
        String documentNumber,
        String documentType,
        BigDecimal qty) {}
