package org.openjxc.production;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openjxc.document.DocumentStatus;

/**
 * A production order's progress (生产进度): what it makes and has received, what it needs and has
 * issued of each component (and what is reserved for it), the materials still in work in progress
 * (在制品), and what each finished-goods receipt was valued at against the standard cost. Values are
 * null for users who may not see costs.
 */
public record ProductionOrderView(
        long id,
        String number,
        DocumentStatus status,
        boolean closed,
        boolean complete,
        LocalDate date,
        String warehouse,
        List<Output> outputs,
        List<Requirement> requirements,
        BigDecimal materialsIssued,
        BigDecimal materialsAbsorbed,
        BigDecimal workInProgress,
        List<ReceiptCost> receipts) {

    public record Output(
            int line,
            String item,
            String itemName,
            String unit,
            String bomVersion,
            BigDecimal planned,
            BigDecimal received,
            BigDecimal open) {}

    public record Requirement(
            int key,
            String item,
            String itemName,
            String unit,
            BigDecimal required,
            BigDecimal issued,
            BigDecimal open,
            BigDecimal reserved,
            BigDecimal tolerancePercent) {}

    public record ReceiptCost(
            long document,
            String number,
            BigDecimal qty,
            BigDecimal materials,
            BigDecimal labour,
            BigDecimal overhead,
            BigDecimal byProducts,
            BigDecimal total,
            BigDecimal standard,
            BigDecimal variance) {}
}
