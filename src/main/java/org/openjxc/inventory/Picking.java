package org.openjxc.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.document.DocumentLineView;
import org.openjxc.document.DocumentView;
import org.openjxc.inventory.internal.StockQueries;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Rounding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picking lists: for each line of an outbound document or sales order, where to take its open
 * quantity from — available stock in counting bins, first expiry first (FEFO), the bin and batch
 * the line names if it names them — listed in bin order, the order a picker walks the aisles.
 * A proposal only: posting decides, under its locks, what is really taken.
 */
@Service
public class Picking {

    private final StockQueries queries;
    private final Warehouses warehouses;

    Picking(StockQueries queries, Warehouses warehouses) {
        this.queries = queries;
        this.warehouses = warehouses;
    }

    @Transactional(readOnly = true)
    public List<Pick> list(Actor actor, DocumentView doc) {
        long warehouseId = warehouses.get(actor, doc.warehouse()).id();
        List<String> items =
                doc.lines().stream().map(DocumentLineView::item).distinct().toList();
        // What is left at each position as earlier lines take from it.
        Map<String, List<StockQueries.Pickable>> byItem = new HashMap<>();
        Map<StockQueries.Pickable, BigDecimal> left = new LinkedHashMap<>();
        for (var p : queries.pickable(actor.companyId(), warehouseId, items)) {
            byItem.computeIfAbsent(p.item(), k -> new ArrayList<>()).add(p);
            left.put(p, p.onHand());
        }
        List<Pick> picks = new ArrayList<>();
        for (DocumentLineView l : doc.lines()) {
            BigDecimal remaining = l.openQty() != null ? l.openQty() : l.baseQty();
            for (var p : byItem.getOrDefault(l.item(), List.of())) {
                if (remaining.signum() <= 0) {
                    break;
                }
                if (l.bin() != null && !l.bin().equals(p.bin())
                        || l.batch() != null
                                && !l.batch().isEmpty()
                                && !l.batch().equals(p.batch())) {
                    continue;
                }
                BigDecimal take = left.get(p).min(remaining);
                if (take.signum() <= 0) {
                    continue;
                }
                left.put(p, left.get(p).subtract(take));
                remaining = remaining.subtract(take);
                picks.add(new Pick(
                        l.line(),
                        p.bin(),
                        l.item(),
                        l.itemName(),
                        p.batch(),
                        p.expiryDate(),
                        Rounding.plain(take),
                        l.baseUnit(),
                        false));
            }
            if (remaining.signum() > 0) {
                picks.add(new Pick(
                        l.line(),
                        null,
                        l.item(),
                        l.itemName(),
                        null,
                        null,
                        Rounding.plain(remaining),
                        l.baseUnit(),
                        true));
            }
        }
        picks.sort(Comparator.comparing(Pick::shortage)
                .thenComparing(Pick::bin, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Pick::item));
        return picks;
    }
}
