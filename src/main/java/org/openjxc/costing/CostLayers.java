package org.openjxc.costing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjxc.catalog.CostMethod;
import org.openjxc.costing.internal.CostLayerQueries;
import org.openjxc.costing.internal.CostLayerRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Rounding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cost layers: the book a posting works with, the open layers users look at, and their check. */
@Service
public class CostLayers {

    private final CostLayerRows rows;
    private final CostLayerQueries queries;

    CostLayers(CostLayerRows rows, CostLayerQueries queries) {
        this.rows = rows;
        this.queries = queries;
    }

    /**
     * A book for one posting over these items (with their cost methods) and warehouses, of a
     * document dated {@code date} (the date of the layers it opens).
     */
    public LayerBook book(
            long companyId, Map<Long, CostMethod> methods, Collection<Long> warehouseIds, java.time.LocalDate date) {
        return new LayerBook(rows, companyId, methods, warehouseIds, date);
    }

    /** Open layers, oldest first, within the caller's warehouses. */
    @Transactional(readOnly = true)
    public PageResult<CostLayerView> open(Actor actor, String item, String warehouse, PageQuery page) {
        return queries.open(actor.companyId(), actor.scope(), item, warehouse, page);
    }

    /** What a re-valuation changed in the value one document line took from layers (positive: it now cost less). */
    public record Swap(long documentId, int line, BigDecimal delta) {}

    /**
     * FIFO after a back-dated receipt: outbound documents dated on or after its date took layers
     * received after it, which FIFO would not have; what they took of those goes back into them and
     * is taken from the receipt's layers instead, as far as these hold. Answers the change in value
     * per document line. The caller holds the item's lock in the warehouse.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<Swap> backDated(
            long companyId, long documentId, long itemId, long warehouseId, java.time.LocalDate date) {
        List<CostLayerRows.Opened> opened = rows.opened(companyId, documentId, itemId, warehouseId);
        if (opened.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, BigDecimal> deltas = new java.util.LinkedHashMap<>();
        int at = 0;
        BigDecimal remaining = opened.get(0).remaining();
        BigDecimal value = opened.get(0).value();
        for (CostLayerRows.Held held : rows.laterUses(companyId, itemId, warehouseId, date)) {
            BigDecimal left = held.qty();
            BigDecimal heldValue = held.value();
            while (left.signum() > 0 && at < opened.size()) {
                if (remaining.signum() == 0) {
                    if (++at == opened.size()) {
                        break;
                    }
                    remaining = opened.get(at).remaining();
                    value = opened.get(at).value();
                    continue;
                }
                BigDecimal q = left.min(remaining);
                BigDecimal back = q.compareTo(left) == 0
                        ? heldValue
                        : Rounding.amount(heldValue.multiply(q).divide(left, 10, java.math.RoundingMode.HALF_UP));
                BigDecimal take = q.compareTo(remaining) == 0
                        ? value
                        : Rounding.amount(value.multiply(q).divide(remaining, 10, java.math.RoundingMode.HALF_UP));
                long layer = opened.get(at).id();
                rows.shift(companyId, held.layerId(), q, back);
                rows.shift(companyId, layer, q.negate(), take.negate());
                rows.use(companyId, held.layerId(), held.documentId(), held.line(), q.negate(), back.negate());
                rows.use(companyId, layer, held.documentId(), held.line(), q, take);
                deltas.merge(held.documentId() + "|" + held.line(), back.subtract(take), BigDecimal::add);
                left = left.subtract(q);
                heldValue = heldValue.subtract(back);
                remaining = remaining.subtract(q);
                value = value.subtract(take);
            }
            if (at == opened.size()) {
                break;
            }
        }
        return swaps(deltas);
    }

    /**
     * A transfer line whose shipment was re-valued (its source took other layers) changes the value
     * of the layers it opened at its destination by {@code change}, spread over them by quantity;
     * the documents that already took from those layers take their share of the change, the rest
     * stays in the layers. Answers the change per taking document line (positive: it now cost
     * less), or empty when the line opened no layers here. The caller holds the item's lock in the
     * warehouse.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public java.util.Optional<List<Swap>> passedOn(
            long companyId, long documentId, int line, long itemId, long warehouseId, BigDecimal change) {
        List<CostLayerRows.Carried> carried = rows.openedBy(companyId, documentId, line, itemId, warehouseId);
        if (carried.isEmpty()) {
            return java.util.Optional.empty();
        }
        BigDecimal totalIn =
                carried.stream().map(CostLayerRows.Carried::qtyIn).reduce(BigDecimal.ZERO, BigDecimal::add);
        java.util.Map<String, BigDecimal> deltas = new java.util.LinkedHashMap<>();
        BigDecimal left = change;
        for (int i = 0; i < carried.size(); i++) {
            var layer = carried.get(i);
            BigDecimal share = i == carried.size() - 1
                    ? left
                    : Rounding.amount(
                            change.multiply(layer.qtyIn()).divide(totalIn, 10, java.math.RoundingMode.HALF_UP));
            left = left.subtract(share);
            List<CostLayerRows.Held> takers = rows.heldOf(companyId, layer.id());
            BigDecimal given = BigDecimal.ZERO;
            for (int t = 0; t < takers.size(); t++) {
                var taker = takers.get(t);
                // A used-up layer leaves nothing behind: its last taker gets what rounding left over.
                BigDecimal x = t == takers.size() - 1 && layer.remaining().signum() == 0
                        ? share.subtract(given)
                        : Rounding.amount(
                                share.multiply(taker.qty()).divide(layer.qtyIn(), 10, java.math.RoundingMode.HALF_UP));
                if (x.signum() != 0) {
                    rows.use(companyId, layer.id(), taker.documentId(), taker.line(), BigDecimal.ZERO, x);
                    deltas.merge(taker.documentId() + "|" + taker.line(), x.negate(), BigDecimal::add);
                }
                given = given.add(x);
            }
            if (share.subtract(given).signum() != 0) {
                rows.shift(companyId, layer.id(), BigDecimal.ZERO, share.subtract(given));
            }
        }
        return java.util.Optional.of(swaps(deltas));
    }

    private static List<Swap> swaps(java.util.Map<String, BigDecimal> deltas) {
        List<Swap> swaps = new java.util.ArrayList<>();
        deltas.forEach((key, delta) -> {
            if (delta.signum() != 0) {
                String[] k = key.split("\\|");
                swaps.add(new Swap(Long.parseLong(k[0]), Integer.parseInt(k[1]), delta));
            }
        });
        return swaps;
    }

    /** Items and warehouses whose layers disagree with the stock totals; empty when all is well. */
    @Transactional(readOnly = true)
    public List<LayerMismatch> mismatches(long companyId) {
        return rows.mismatches(companyId);
    }
}
