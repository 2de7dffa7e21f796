package org.openjxc.costing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjxc.catalog.CostMethod;
import org.openjxc.costing.internal.CostLayerRows;
import org.openjxc.costing.internal.CostLayerRows.Layer;
import org.openjxc.costing.internal.CostLayerRows.Use;
import org.openjxc.shared.Rounding;

/**
 * The cost layers one posting works with. The caller holds the locks of the (item, warehouse)
 * totals involved; the layers of those pairs are read at the first need, changed in memory and
 * written by {@link #flush}. Items valued at moving average pass through untouched.
 */
public final class LayerBook {

    private final CostLayerRows rows;
    private final long companyId;
    private final Map<Long, CostMethod> methods;
    private final Collection<Long> warehouseIds;
    private Map<String, List<Layer>> open;
    private final List<Layer> created = new ArrayList<>();
    private final Set<Layer> changed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Use> uses = new ArrayList<>();

    /** The date of the posting's document: the date of the layers it opens. */
    private final java.time.LocalDate date;

    LayerBook(
            CostLayerRows rows,
            long companyId,
            Map<Long, CostMethod> methods,
            Collection<Long> warehouseIds,
            java.time.LocalDate date) {
        this.date = date;
        this.rows = rows;
        this.companyId = companyId;
        this.methods = methods;
        this.warehouseIds = warehouseIds;
    }

    /** Whether the item is costed by layers (FIFO or specific batch). */
    public boolean layered(long itemId) {
        CostMethod m = methods.get(itemId);
        return m == CostMethod.FIFO || m == CostMethod.SPECIFIC;
    }

    /**
     * Before an unposting touches anything: what the document's lines consumed goes back into the
     * layers it came from, so the reversed outbound moves return at exactly their cost.
     */
    public void restore(long documentId) {
        if (open != null) {
            throw new IllegalStateException("layers restored after they were read");
        }
        if (methods.values().stream().anyMatch(m -> m != CostMethod.MOVING_AVERAGE)) {
            rows.restoreUses(companyId, documentId);
        }
    }

    /**
     * Consumes up to {@code qty} of an item in a warehouse: first the layers of the preferred
     * document line (a purchase return takes back its receipt's layer, an unposted receipt its
     * own), then for a specific-batch item the layers of {@code batch}, then oldest first. A
     * {@code usingDocument} is remembered with what it took, for its unposting; a reversal passes
     * null, since what it takes away is gone for good.
     */
    public Taken take(
            long itemId,
            long warehouseId,
            String batch,
            BigDecimal qty,
            Long preferredDocument,
            Integer preferredLine,
            Long usingDocument,
            int usingLine) {
        List<Layer> layers = layers(itemId, warehouseId);
        if (layers.isEmpty()) {
            return Taken.NOTHING;
        }
        List<Layer> order = new ArrayList<>(layers.size());
        if (preferredDocument != null) {
            for (Layer l : layers) {
                if (l.documentId == preferredDocument && (preferredLine == null || l.line == preferredLine)) {
                    order.add(l);
                }
            }
        }
        if (methods.get(itemId) == CostMethod.SPECIFIC && batch != null && !batch.isEmpty()) {
            for (Layer l : layers) {
                if (l.batch.equals(batch) && !order.contains(l)) {
                    order.add(l);
                }
            }
        }
        for (Layer l : layers) {
            if (!order.contains(l)) {
                order.add(l);
            }
        }
        BigDecimal left = qty;
        BigDecimal value = BigDecimal.ZERO;
        List<CostPiece> pieces = new ArrayList<>();
        for (Layer l : order) {
            if (left.signum() == 0) {
                break;
            }
            if (l.remaining.signum() <= 0) {
                continue;
            }
            BigDecimal q = l.remaining.min(left);
            // Proportional to what the layer still holds, so its last unit takes its last cent.
            BigDecimal v = q.compareTo(l.remaining) == 0
                    ? l.value
                    : Rounding.amount(l.value.multiply(q).divide(l.remaining, 10, java.math.RoundingMode.HALF_UP));
            l.remaining = l.remaining.subtract(q);
            l.value = l.value.subtract(v);
            if (l.id != null) {
                changed.add(l);
            }
            if (usingDocument != null) {
                uses.add(new Use(l, usingDocument, usingLine, q, v));
            }
            pieces.add(new CostPiece(q, v, l.batch));
            value = value.add(v);
            left = left.subtract(q);
        }
        layers.removeIf(l -> l.remaining.signum() <= 0);
        return new Taken(qty.subtract(left), value, List.copyOf(pieces));
    }

    /** Opens a layer of {@code qty} worth {@code value} for an inbound move of a document line. */
    public void add(
            long itemId, long warehouseId, String batch, long documentId, int line, BigDecimal qty, BigDecimal value) {
        if (qty.signum() <= 0) {
            return;
        }
        Layer layer = new Layer(
                date,
                null,
                itemId,
                warehouseId,
                batch == null ? "" : batch,
                documentId,
                line,
                Rounding.unitCost(value, qty),
                qty,
                qty,
                value);
        // Among the open layers by date: a back-dated receipt goes out before later-dated ones.
        List<Layer> layers = layers(itemId, warehouseId);
        int at = layers.size();
        while (at > 0 && layers.get(at - 1).receivedOn.isAfter(date)) {
            at--;
        }
        layers.add(at, layer);
        created.add(layer);
    }

    /**
     * Adds value to what is still held of the layers a receipt line opened: {@code share} is for
     * the {@code received} quantity, so the part for units no longer in those layers is left out.
     * Each layer's addition is remembered as a use of no quantity and negative value, so that
     * unposting takes it off again. Answers the value added to stock.
     */
    public BigDecimal addValue(
            long itemId,
            long warehouseId,
            long receiptDocument,
            int receiptLine,
            BigDecimal received,
            BigDecimal share,
            long usingDocument,
            int usingLine) {
        List<Layer> own = layers(itemId, warehouseId).stream()
                .filter(l -> l.documentId == receiptDocument && l.line == receiptLine && l.remaining.signum() > 0)
                .toList();
        BigDecimal held = own.stream().map(l -> l.remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (held.signum() == 0 || received.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal toStock = Rounding.amount(
                share.multiply(held.min(received)).divide(received, 10, java.math.RoundingMode.HALF_UP));
        BigDecimal left = toStock;
        for (int i = 0; i < own.size(); i++) {
            Layer l = own.get(i);
            BigDecimal x = i == own.size() - 1
                    ? left
                    : Rounding.amount(toStock.multiply(l.remaining).divide(held, 10, java.math.RoundingMode.HALF_UP));
            l.value = l.value.add(x);
            left = left.subtract(x);
            if (l.id != null) {
                changed.add(l);
            }
            uses.add(new Use(l, usingDocument, usingLine, BigDecimal.ZERO, x.negate()));
        }
        return toStock;
    }

    /** Writes new and changed layers and the uses of this posting. */
    public void flush(OffsetDateTime at) {
        for (Layer l : created) {
            rows.insert(companyId, l, at);
        }
        if (!changed.isEmpty()) {
            rows.update(companyId, changed);
        }
        if (!uses.isEmpty()) {
            rows.insertUses(companyId, uses);
        }
        created.clear();
        changed.clear();
        uses.clear();
    }

    private List<Layer> layers(long itemId, long warehouseId) {
        if (open == null) {
            open = new HashMap<>();
            List<Long> layeredItems =
                    methods.keySet().stream().filter(this::layered).toList();
            if (!layeredItems.isEmpty()) {
                for (Layer l : rows.open(companyId, layeredItems, warehouseIds)) {
                    open.computeIfAbsent(l.itemId + "|" + l.warehouseId, k -> new ArrayList<>())
                            .add(l);
                }
            }
        }
        return open.computeIfAbsent(itemId + "|" + warehouseId, k -> new ArrayList<>());
    }
}
