package org.openjxc.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A re-valuation of one item in one warehouse, with its progress. */
public record RevaluationView(
        long id,
        String item,
        String itemName,
        String warehouse,
        String document,
        Long documentId,
        LocalDate fromDate,
        String status,
        int movesTotal,
        int movesDone,
        int corrections,
        BigDecimal corrected,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt,
        /** Progress in whole percent. */
        int percent) {

    public RevaluationView {
        percent =
                "DONE".equals(status) ? 100 : movesTotal <= 0 ? 0 : Math.min(99, (int) (100L * movesDone / movesTotal));
    }
}
