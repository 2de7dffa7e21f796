package org.openjxc.finance;

import java.math.BigDecimal;
import java.util.List;

/**
 * One named check of API.md's reconciliation: what the business documents say, what the books
 * say, the gap, and the documents behind it (those whose own figures disagree, largest first).
 */
public record ReconciliationCheck(
        String name, BigDecimal expected, BigDecimal actual, BigDecimal difference, List<Document> documents) {

    /** A document whose business figure and booked figure differ. */
    public record Document(
            long id, String number, String type, BigDecimal expected, BigDecimal actual, BigDecimal difference) {}
}
