package org.openjxc.counting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A position of a count. {@code systemQty} is what the books held when it was counted; it and the
 * difference are null for counters of a blind count. {@code finalQty} is the recount if there is
 * one, else the count. {@code recentMoves} (variance only) are the moves of the last seven days
 * before the count that could explain a difference.
 */
public record CountLineView(
        int line,
        String bin,
        String item,
        String itemName,
        String unit,
        String batch,
        String status,
        boolean listed,
        BigDecimal systemQty,
        BigDecimal countedQty,
        String countedBy,
        OffsetDateTime countedAt,
        BigDecimal recountQty,
        String recountedBy,
        boolean needsRecount,
        BigDecimal finalQty,
        BigDecimal difference,
        BigDecimal differenceValue,
        CountCause cause,
        String note,
        List<CountMove> recentMoves) {

    public CountLineView withRecentMoves(List<CountMove> moves) {
        return new CountLineView(
                line,
                bin,
                item,
                itemName,
                unit,
                batch,
                status,
                listed,
                systemQty,
                countedQty,
                countedBy,
                countedAt,
                recountQty,
                recountedBy,
                needsRecount,
                finalQty,
                difference,
                differenceValue,
                cause,
                note,
                moves);
    }

    /** The line as a counter of a blind count sees it: what they entered, not what the books say. */
    public CountLineView blind() {
        return new CountLineView(
                line,
                bin,
                item,
                itemName,
                unit,
                batch,
                status,
                listed,
                null,
                countedQty,
                countedBy,
                countedAt,
                recountQty,
                recountedBy,
                needsRecount,
                finalQty,
                null,
                null,
                cause,
                note,
                recentMoves);
    }
}
