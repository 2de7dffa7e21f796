package org.openjxc.inventory;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.openjxc.catalog.CostMethod;
import org.openjxc.costing.CostLayers;
import org.openjxc.costing.CostPiece;
import org.openjxc.costing.LayerBook;
import org.openjxc.costing.Taken;
import org.openjxc.document.DocumentPoster;
import org.openjxc.document.DocumentType;
import org.openjxc.document.PostingDocument;
import org.openjxc.document.PostingLine;
import org.openjxc.document.StockStatus;
import org.openjxc.inventory.internal.StockRows;
import org.openjxc.inventory.internal.StockRows.Level;
import org.openjxc.inventory.internal.StockRows.Move;
import org.openjxc.inventory.internal.StockRows.Position;
import org.openjxc.organization.BinCountingChanged;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.Rounding;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns postings into stock moves. The totals row of every (item, warehouse) a document touches
 * is locked first, in ascending order; under those locks quantities are checked and moves, positions
 * and totals are written in the posting's transaction. No interleaving of concurrent postings can
 * therefore take stock below zero, and nobody waits on anybody in a circle.
 *
 * <p>Cost is the moving weighted average per item and warehouse: inbound moves carry their price,
 * outbound moves the average they consumed; a move that empties the warehouse takes the remaining
 * value exactly, so no rounding residue stays behind. FIFO and specific-batch items take their cost
 * from the cost layers instead (see {@link org.openjxc.costing.LayerBook}); a landed cost adds value
 * without quantity.
 */
@Service
@org.springframework.core.annotation.Order(0)
public class StockLedger implements DocumentPoster {

    private final StockRows rows;
    private final CostLayers costLayers;
    private final Revaluations revaluations;

    StockLedger(StockRows rows, CostLayers costLayers, Revaluations revaluations) {
        this.rows = rows;
        this.costLayers = costLayers;
        this.revaluations = revaluations;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void post(PostingDocument d) {
        var session = new Session(d.companyId(), d.allowNegativeStock(), d.id(), d.date());
        TreeSet<Key> keys = new TreeSet<>();
        for (PostingLine l : d.lines()) {
            if (l.components() != null) {
                l.components().forEach(c -> keys.add(new Key(c.itemId(), d.warehouseId())));
                continue;
            }
            keys.add(new Key(l.itemId(), d.warehouseId()));
            if (d.type() == DocumentType.TRANSFER) {
                keys.add(new Key(l.itemId(), d.toWarehouseId()));
            }
        }
        if (d.type().direction() == DocumentType.Direction.ORDER) {
            if ((d.type() == DocumentType.SALES_ORDER && d.reserve()) || d.type() == DocumentType.PRODUCTION_ORDER) {
                session.lock(keys);
                session.reserve(d);
            }
            return;
        }
        if (d.type() == DocumentType.SUPPLIER_INVOICE) {
            priceDifference(d, session);
            return;
        }
        if (d.type() == DocumentType.SALES_INVOICE) {
            // An invoice to a customer moves neither stock nor its value.
            return;
        }
        if (d.type().direction() == DocumentType.Direction.VALUE) {
            landedCost(d, session);
            return;
        }
        Map<Integer, StockRows.Reservation> reserved = orderReservations(d, keys);
        session.lock(keys, d.type().direction() != DocumentType.Direction.INBOUND);
        // What the order set aside for these lines is released first, so the delivery may take it.
        session.consumeReservations(d, reserved, false);
        // A customer's return comes back at what its delivery cost, not at the refund price.
        Map<Integer, BigDecimal> returnCosts = d.type() == DocumentType.SALES_RETURN && d.sourceDocumentId() != null
                ? rows.lineCosts(d.companyId(), d.sourceDocumentId())
                : Map.of();
        if (d.type() == DocumentType.DISASSEMBLY) {
            disassemble(d, session);
            return;
        }
        for (PostingLine l : d.lines()) {
            if (l.components() != null) {
                kit(d, l, session);
                continue;
            }
            switch (d.type().direction()) {
                case INBOUND ->
                    session.in(
                            d.warehouseId(),
                            l.binId(),
                            l.itemId(),
                            l.batch(),
                            l.status(),
                            l.baseQty(),
                            l.sourceLine() != null && returnCosts.containsKey(l.sourceLine())
                                    ? returnCosts.get(l.sourceLine())
                                    : l.unitPrice(),
                            // Finished goods come in at exactly the value production worked out.
                            d.type() == DocumentType.PRODUCTION_RECEIPT ? l.amount() : null,
                            l.expiryDate(),
                            l.line());
                case OUTBOUND -> {
                    // A purchase return gives back, first, the layer its receipt line opened.
                    session.prefer(
                            d.type() == DocumentType.PURCHASE_RETURN && l.sourceLine() != null
                                    ? d.sourceDocumentId()
                                    : null,
                            l.sourceLine());
                    session.take(
                            d.warehouseId(), l.binId(), l.itemId(), batchOrAny(l), l.status(), l.baseQty(), l.line());
                    session.prefer(null, null);
                }
                case TRANSFER -> {
                    for (Move out : session.take(
                            d.warehouseId(), l.binId(), l.itemId(), batchOrAny(l), l.status(), l.baseQty(), l.line())) {
                        session.in(
                                d.toWarehouseId(),
                                0,
                                l.itemId(),
                                out.batch(),
                                StockStatus.IN_TRANSIT,
                                out.qty().negate(),
                                out.unitCost(),
                                out.value().negate(),
                                out.expiryDate(),
                                l.line(),
                                session.piecesOf(out));
                    }
                }
                case ADJUSTMENT -> {
                    if (l.baseQty().signum() > 0) {
                        // A gain comes in at the item's current average cost in the warehouse.
                        Level level = session.levels.get(new Key(l.itemId(), d.warehouseId()));
                        session.in(
                                d.warehouseId(),
                                l.binId(),
                                l.itemId(),
                                l.batch(),
                                l.status(),
                                l.baseQty(),
                                level.avgCost,
                                null,
                                l.expiryDate(),
                                l.line());
                    } else {
                        // A loss found by counting is what is physically gone: reservations do not hold
                        // it back, but it never takes a position below zero.
                        session.take(
                                d.warehouseId(),
                                l.binId(),
                                l.itemId(),
                                l.batch(),
                                l.status(),
                                l.baseQty().negate(),
                                l.line(),
                                true);
                    }
                }
                case STATUS_CHANGE -> {
                    // Stock changing status stays in the warehouse with its cost layers.
                    session.neutral = true;
                    for (Move out : session.take(
                            d.warehouseId(),
                            l.binId(),
                            l.itemId(),
                            batchOrAny(l),
                            l.fromStatus(),
                            l.baseQty(),
                            l.line())) {
                        session.in(
                                d.warehouseId(),
                                out.binId(),
                                l.itemId(),
                                out.batch(),
                                l.status(),
                                out.qty().negate(),
                                out.unitCost(),
                                out.value().negate(),
                                out.expiryDate(),
                                l.line());
                    }
                    session.neutral = false;
                }
            }
        }
        session.write(d.id(), d.actorId(), d.date());
        revalueLater(d, session);
    }

    /**
     * A kit or recipe line moves its components instead of itself: a sale takes them out, a return
     * brings them back at what its delivery took them out at (a dish's ingredients never come back).
     */
    private void kit(PostingDocument d, PostingLine l, Session session) {
        boolean out = d.type().direction() == DocumentType.Direction.OUTBOUND;
        Map<Long, BigDecimal> delivered = !out && d.sourceDocumentId() != null && l.sourceLine() != null
                ? rows.lineCostsByItem(d.companyId(), d.sourceDocumentId(), l.sourceLine())
                : Map.of();
        for (PostingLine.Component c : l.components()) {
            if (out) {
                session.take(d.warehouseId(), l.binId(), c.itemId(), null, l.status(), c.baseQty(), l.line());
            } else {
                BigDecimal cost = delivered.get(c.itemId());
                if (cost == null) {
                    cost = session.levels.get(new Key(c.itemId(), d.warehouseId())).avgCost;
                }
                session.in(
                        d.warehouseId(),
                        l.binId(),
                        c.itemId(),
                        "",
                        l.status(),
                        c.baseQty(),
                        cost,
                        null,
                        null,
                        l.line());
            }
        }
    }

    /**
     * Disassembly (拆卸): the negative lines take items apart at their cost; the positive lines bring
     * the parts in, sharing exactly that value in proportion to their quantity at the unit cost
     * production gave each (their current cost), the last line taking the rounding.
     */
    private void disassemble(PostingDocument d, Session session) {
        BigDecimal taken = BigDecimal.ZERO;
        for (PostingLine l : d.lines()) {
            if (l.baseQty().signum() < 0) {
                for (Move m : session.take(
                        d.warehouseId(),
                        l.binId(),
                        l.itemId(),
                        batchOrAny(l),
                        l.status(),
                        l.baseQty().negate(),
                        l.line())) {
                    taken = taken.subtract(m.value());
                }
            }
        }
        List<PostingLine> parts =
                d.lines().stream().filter(l -> l.baseQty().signum() > 0).toList();
        BigDecimal weights = BigDecimal.ZERO;
        for (PostingLine l : parts) {
            weights = weights.add(weight(l));
        }
        BigDecimal left = taken;
        for (int i = 0; i < parts.size(); i++) {
            PostingLine l = parts.get(i);
            BigDecimal share = i == parts.size() - 1
                    ? left
                    : Rounding.amount(taken.multiply(weight(l)).divide(weights, 10, java.math.RoundingMode.HALF_UP));
            left = left.subtract(share);
            session.in(
                    d.warehouseId(),
                    l.binId(),
                    l.itemId(),
                    l.batch(),
                    l.status(),
                    l.baseQty(),
                    share.divide(l.baseQty(), 6, java.math.RoundingMode.HALF_UP),
                    share,
                    l.expiryDate(),
                    l.line());
        }
        session.write(d.id(), d.actorId(), d.date());
        revalueLater(d, session);
    }

    /** A part's weight in a disassembly: its quantity at its unit cost, or its quantity alone without one. */
    private static BigDecimal weight(PostingLine l) {
        return l.unitPrice() == null || l.unitPrice().signum() <= 0
                ? l.baseQty()
                : l.baseQty().multiply(l.unitPrice());
    }

    /**
     * A document dated before later moves of the same moving-average items and warehouses has those
     * moves re-valued in date order (DESIGN.md "Costing").
     */
    private void revalueLater(PostingDocument d, Session session) {
        List<long[]> keys = new ArrayList<>();
        for (Level level : session.levels.values()) {
            if (level.lastMovedOnBefore == null
                    || !level.lastMovedOnBefore.isAfter(d.date())
                    || !session.moved(level.itemId, level.warehouseId)) {
                continue;
            }
            // Stock taken out on a date before later moves must have been there on that date and
            // every date after it, not only today.
            if (!d.allowNegativeStock()
                    && session.net(level.itemId, level.warehouseId).signum() < 0) {
                BigDecimal shortBy = revaluations.shortage(d.companyId(), level.itemId, level.warehouseId, d.date());
                if (shortBy.signum() > 0) {
                    String[] names = rows.names(d.companyId(), level.itemId, level.warehouseId, 0);
                    throw new BusinessException(
                                    ErrorCode.INSUFFICIENT_STOCK,
                                    "error.stock.insufficientOnDate",
                                    names[0],
                                    names[1],
                                    d.date(),
                                    Rounding.plain(shortBy))
                            .withFact("item", names[0])
                            .withFact("warehouse", names[1])
                            .withFact("date", d.date().toString())
                            .withFact("shortBy", Rounding.plain(shortBy));
                }
            }
            if (level.costMethod == org.openjxc.catalog.CostMethod.MOVING_AVERAGE) {
                keys.add(new long[] {level.itemId, level.warehouseId});
            } else if (level.costMethod == org.openjxc.catalog.CostMethod.FIFO
                    && session.net(level.itemId, level.warehouseId).signum() > 0) {
                // FIFO: later issues that took newer layers take the back-dated receipt's instead.
                var swaps = costLayers.backDated(d.companyId(), d.id(), level.itemId, level.warehouseId, d.date());
                if (!swaps.isEmpty()) {
                    revaluations.layersSwapped(
                            d.companyId(), d.id(), d.actorId(), level.itemId, level.warehouseId, swaps);
                }
            }
        }
        if (!keys.isEmpty()) {
            revaluations.backDated(d.companyId(), d.id(), d.actorId(), d.date(), keys);
        }
    }

    /**
     * A landed cost: its amount without VAT is allocated over the receipt's lines by the basis; of
     * each line's share, the part for units still held goes into stock value (a move of no
     * quantity), the part for units already gone is left for the voucher to put into cost of sales.
     */
    private void landedCost(PostingDocument d, Session session) {
        List<StockRows.ReceivedLine> received = rows.receivedLines(d.companyId(), d.sourceDocumentId());
        java.util.function.Function<StockRows.ReceivedLine, BigDecimal> basis =
                switch (d.allocation() == null ? org.openjxc.document.AllocationBasis.AMOUNT : d.allocation()) {
                    case AMOUNT -> StockRows.ReceivedLine::value;
                    case QTY -> StockRows.ReceivedLine::qty;
                    case WEIGHT -> StockRows.ReceivedLine::weight;
                };
        BigDecimal sum = received.stream().map(basis).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() <= 0) {
            throw new BusinessException(
                            ErrorCode.INVALID_STATE,
                            "error.landedCost.noBasis",
                            d.number(),
                            d.allocation() == null ? "AMOUNT" : d.allocation().name())
                    .withFact(
                            "basis",
                            d.allocation() == null ? "AMOUNT" : d.allocation().name());
        }
        TreeSet<Key> keys = new TreeSet<>();
        received.forEach(r -> keys.add(new Key(r.itemId(), r.warehouseId())));
        session.lock(keys);
        BigDecimal total = Rounding.amount(d.netAmount());
        BigDecimal left = total;
        for (int i = 0; i < received.size(); i++) {
            StockRows.ReceivedLine r = received.get(i);
            // The last line takes what rounding left, so the shares add up to the total exactly.
            BigDecimal share = i == received.size() - 1
                    ? left
                    : Rounding.amount(total.multiply(basis.apply(r)).divide(sum, 10, java.math.RoundingMode.HALF_UP));
            left = left.subtract(share);
            session.addValue(r.itemId(), r.warehouseId(), d.sourceDocumentId(), r.line(), r.qty(), share, r.line());
        }
        session.write(d.id(), d.actorId(), session.latest(d.date()));
    }

    /**
     * A supplier invoice's price differences: per invoiced line, what it charges beyond what the
     * receipt line booked for that quantity; the part for units of the item still held goes into
     * stock value (FIFO: into the receipt line's own layers), the rest is left for the voucher to put
     * into cost of sales.
     */
    private void priceDifference(PostingDocument d, Session session) {
        Map<Integer, StockRows.ReceivedLine> received = new HashMap<>();
        rows.receivedLines(d.companyId(), d.sourceDocumentId()).forEach(r -> received.put(r.line(), r));
        TreeSet<Key> keys = new TreeSet<>();
        for (PostingLine l : d.lines()) {
            StockRows.ReceivedLine r = l.sourceLine() == null ? null : received.get(l.sourceLine());
            if (r != null) {
                keys.add(new Key(r.itemId(), r.warehouseId()));
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        session.lock(keys);
        for (PostingLine l : d.lines()) {
            StockRows.ReceivedLine r = l.sourceLine() == null ? null : received.get(l.sourceLine());
            BigDecimal difference = l.priceDifference();
            if (r == null || difference.signum() == 0) {
                continue;
            }
            session.addValue(
                    r.itemId(), r.warehouseId(), d.sourceDocumentId(), r.line(), l.baseQty(), difference, l.line());
        }
        session.write(d.id(), d.actorId(), session.latest(d.date()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void unpost(PostingDocument d) {
        if (d.type().direction() == DocumentType.Direction.ORDER || d.type() == DocumentType.SALES_INVOICE) {
            releaseAll(d);
            return;
        }
        // Taking a landed cost's value off again is exact only while its stock has not moved since.
        if (d.type().direction() == DocumentType.Direction.VALUE && rows.movedSince(d.companyId(), d.id())) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.landedCost.laterMoves", d.number());
        }
        List<Move> moves = rows.unreversedMoves(d.companyId(), d.id());
        var session = new Session(d.companyId(), d.allowNegativeStock(), d.id(), d.date());
        TreeSet<Key> keys = new TreeSet<>();
        moves.forEach(m -> keys.add(new Key(m.itemId(), m.warehouseId())));
        Map<Integer, StockRows.Reservation> reserved = orderReservations(d, keys);
        session.lock(keys);
        session.book.restore(d.id());
        // Newest first, so a transfer's receipt is undone before its shipment.
        for (int i = moves.size() - 1; i >= 0; i--) {
            Move m = moves.get(i);
            session.neutral = withinWarehouse(d, m);
            session.reverse(m);
        }
        session.neutral = false;
        // The order has these quantities open again and sets aside what is free of them.
        session.consumeReservations(d, reserved, true);
        if (d.type().direction() == DocumentType.Direction.VALUE) {
            session.write(d.id(), d.actorId(), session.latest(d.date()));
        } else {
            session.write(d.id(), d.actorId(), d.date());
            revalueLater(d, session);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void close(PostingDocument d) {
        releaseAll(d);
    }

    /** Releases everything a sales order still reserves and forgets its reservations. */
    private void releaseAll(PostingDocument d) {
        Map<Integer, StockRows.Reservation> reserved = rows.reservations(d.companyId(), d.id());
        if (reserved.isEmpty()) {
            return;
        }
        var session = new Session(d.companyId(), d.allowNegativeStock(), d.id(), d.date());
        TreeSet<Key> keys = new TreeSet<>();
        reserved.values().forEach(r -> keys.add(new Key(r.itemId(), r.warehouseId())));
        session.lock(keys);
        for (StockRows.Reservation r : reserved.values()) {
            Level level = session.levels.get(new Key(r.itemId(), r.warehouseId()));
            level.reserved = level.reserved.subtract(r.qty());
        }
        rows.deleteReservations(d.companyId(), d.id());
        rows.saveLevels(d.companyId(), session.levels.values());
    }

    /**
     * The reservations of the sales order a delivery fulfils (empty for anything else); their
     * totals join the locked keys, since an order may reserve in another warehouse.
     */
    private Map<Integer, StockRows.Reservation> orderReservations(PostingDocument d, TreeSet<Key> keys) {
        if ((d.type() != DocumentType.SALES_DELIVERY && d.type() != DocumentType.PRODUCTION_ISSUE)
                || d.sourceDocumentId() == null) {
            return Map.of();
        }
        Map<Integer, StockRows.Reservation> reserved =
                new java.util.LinkedHashMap<>(rows.reservations(d.companyId(), d.sourceDocumentId()));
        reserved.values().forEach(r -> keys.add(new Key(r.itemId(), r.warehouseId())));
        return reserved;
    }

    /**
     * Receives part or all of a posted transfer at its destination: in-transit stock of the line's
     * batches moves into the available pool, in the given bin. Returns the moves written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    /** One line of a transfer to receive: how much, into which bin, from what it has in transit per batch. */
    public record Receiving(PostingLine line, BigDecimal qty, long binId, Map<String, BigDecimal> inTransitByBatch) {}

    /**
     * Receives lines of a posted transfer from in transit into stock at its destination, all in one
     * session: one lock of the totals, one write of the moves and positions.
     */
    public List<Move> receive(PostingDocument d, List<Receiving> receivings) {
        var session = new Session(d.companyId(), false, d.id(), d.date());
        TreeSet<Key> keys = new TreeSet<>();
        receivings.forEach(r -> keys.add(new Key(r.line().itemId(), d.toWarehouseId())));
        session.lock(keys);
        // In transit to available in the same warehouse: the layers the shipment opened stay.
        session.neutral = true;
        for (Receiving r : receivings) {
            BigDecimal remaining = r.qty();
            for (var batch : r.inTransitByBatch().entrySet()) {
                if (remaining.signum() == 0) {
                    break;
                }
                BigDecimal q = batch.getValue().min(remaining);
                if (q.signum() <= 0) {
                    continue;
                }
                for (Move out : session.take(
                        d.toWarehouseId(),
                        0,
                        r.line().itemId(),
                        batch.getKey(),
                        StockStatus.IN_TRANSIT,
                        q,
                        r.line().line())) {
                    session.in(
                            d.toWarehouseId(),
                            r.binId(),
                            r.line().itemId(),
                            out.batch(),
                            StockStatus.AVAILABLE,
                            out.qty().negate(),
                            out.unitCost(),
                            out.value().negate(),
                            out.expiryDate(),
                            r.line().line());
                }
                remaining = remaining.subtract(q);
            }
        }
        return session.write(d.id(), d.actorId(), d.date());
    }

    @EventListener
    void binCountingChanged(BinCountingChanged event) {
        rows.recountBin(event.companyId(), event.binId(), event.countsAsAvailable());
    }

    /**
     * Whether a move only shifted stock inside its warehouse (a status change, or the receipt of a
     * transfer from in transit into a bin), leaving cost layers as they were.
     */
    private static boolean withinWarehouse(PostingDocument d, Move m) {
        return switch (d.type()) {
            case STATUS_CHANGE -> true;
            case TRANSFER ->
                m.warehouseId() == d.toWarehouseId()
                        && !(m.status() == StockStatus.IN_TRANSIT && m.qty().signum() > 0);
            default -> false;
        };
    }

    private static String batchOrAny(PostingLine l) {
        return l.batch().isEmpty() ? null : l.batch();
    }

    /** A stock total's key; ordered so that locks are always taken in the same order. */
    record Key(long itemId, long warehouseId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(itemId, o.itemId);
            return c != 0 ? c : Long.compare(warehouseId, o.warehouseId);
        }
    }

    /** The locked totals and the moves of one posting. */
    private final class Session {
        private final long companyId;
        private final boolean allowNegative;
        private final long documentId;
        private LayerBook book;
        /** Moves inside one warehouse keep cost layers as they are. */
        private boolean neutral;
        /** The document line whose layers an outbound takes first. */
        private Long preferDocument;

        private Integer preferLine;
        private final Map<Move, List<CostPiece>> pieces = new IdentityHashMap<>();
        private final Map<Key, Level> levels = new HashMap<>();
        private final Map<Long, Boolean> counting = new HashMap<>();
        private final List<Move> moves = new ArrayList<>();
        private Map<String, List<Position>> positions;

        /** The document's date: the date of the cost layers it opens. */
        private final java.time.LocalDate date;

        Session(long companyId, boolean allowNegative, long documentId, java.time.LocalDate date) {
            this.date = date;
            this.companyId = companyId;
            this.allowNegative = allowNegative;
            this.documentId = documentId;
        }

        void prefer(Long document, Integer line) {
            preferDocument = document;
            preferLine = line;
        }

        List<CostPiece> piecesOf(Move out) {
            return pieces.get(out);
        }

        void lock(TreeSet<Key> keys) {
            lock(keys, false);
        }

        /** With {@code taking}, the positions the lines may take from are read with the locks. */
        void lock(TreeSet<Key> keys, boolean taking) {
            List<Long> itemIds =
                    keys.stream().map(Key::itemId).distinct().sorted().toList();
            List<Long> warehouseIds =
                    keys.stream().map(Key::warehouseId).distinct().sorted().toList();
            Map<Long, CostMethod> methods = new HashMap<>();
            StockRows.Locked locked = rows.lock(companyId, itemIds, warehouseIds, taking);
            positions = locked.positions();
            for (Level level : locked.levels()) {
                levels.put(new Key(level.itemId, level.warehouseId), level);
                methods.put(level.itemId, level.costMethod);
            }
            book = costLayers.book(companyId, methods, warehouseIds, date);
        }

        /**
         * A sales order sets aside, per line, what is free of its quantity (never more); a production
         * order the same per requirement (its lines' components, numbered across the order). A kit
         * on a sales order reserves nothing: its components are taken when it is delivered.
         */
        void reserve(PostingDocument d) {
            List<StockRows.Reservation> reservations = new ArrayList<>();
            for (PostingLine l : d.lines()) {
                List<PostingLine.Component> wanted = d.type() == DocumentType.PRODUCTION_ORDER
                        ? l.components()
                        : l.components() == null
                                ? List.of(new PostingLine.Component(l.line(), l.itemId(), l.baseQty()))
                                : List.of();
                for (PostingLine.Component c : wanted) {
                    Level level = levels.get(new Key(c.itemId(), d.warehouseId()));
                    BigDecimal free =
                            level.availableOnHand.subtract(level.reserved).max(BigDecimal.ZERO);
                    BigDecimal qty = free.min(c.baseQty());
                    level.reserved = level.reserved.add(qty);
                    reservations.add(new StockRows.Reservation(c.key(), c.itemId(), d.warehouseId(), qty, c.baseQty()));
                }
            }
            rows.saveReservations(companyId, d.id(), reservations);
            rows.saveLevels(companyId, levels.values());
        }

        /**
         * A delivery against a sales order: posting uses up the order's reservation first and
         * lowers what is open; unposting raises what is open again and reserves what is free of it.
         */
        void consumeReservations(PostingDocument d, Map<Integer, StockRows.Reservation> reserved, boolean undo) {
            if (reserved.isEmpty()) {
                return;
            }
            for (PostingLine l : d.lines()) {
                StockRows.Reservation r = l.sourceLine() == null ? null : reserved.get(l.sourceLine());
                if (r == null) {
                    continue;
                }
                Level level = levels.get(new Key(r.itemId(), r.warehouseId()));
                BigDecimal qty;
                BigDecimal open;
                if (undo) {
                    open = r.openQty().add(l.baseQty());
                    BigDecimal free =
                            level.availableOnHand.subtract(level.reserved).max(BigDecimal.ZERO);
                    BigDecimal add =
                            l.baseQty().min(open.subtract(r.qty())).min(free).max(BigDecimal.ZERO);
                    qty = r.qty().add(add);
                    level.reserved = level.reserved.add(add);
                } else {
                    BigDecimal release = r.qty().min(l.baseQty());
                    qty = r.qty().subtract(release);
                    open = r.openQty().subtract(l.baseQty()).max(BigDecimal.ZERO);
                    level.reserved = level.reserved.subtract(release);
                }
                reserved.put(r.line(), new StockRows.Reservation(r.line(), r.itemId(), r.warehouseId(), qty, open));
            }
            rows.saveReservations(companyId, d.sourceDocumentId(), reserved.values());
        }

        /**
         * Positions with stock of an item in a warehouse as stored before this document, in picking
         * order; read for all locked totals at the first need (the session's own moves are added
         * by {@code pendingAt}).
         */
        private List<Position> positions(long itemId, long warehouseId) {
            if (positions == null) {
                positions = rows.positionsOf(
                        companyId,
                        levels.keySet().stream().map(Key::itemId).distinct().toList(),
                        levels.keySet().stream()
                                .map(Key::warehouseId)
                                .distinct()
                                .toList());
            }
            return positions.getOrDefault(itemId + "|" + warehouseId, List.of());
        }

        boolean counts(long binId) {
            return counting.computeIfAbsent(
                    binId, id -> rows.binsCounting(companyId, List.of(id)).getOrDefault(id, true));
        }

        /** Stock into a position; {@code value} null means quantity × unit cost. */
        void in(
                long warehouseId,
                long binId,
                long itemId,
                String batch,
                StockStatus status,
                BigDecimal qty,
                BigDecimal unitCost,
                BigDecimal value,
                java.time.LocalDate expiry,
                int line) {
            in(warehouseId, binId, itemId, batch, status, qty, unitCost, value, expiry, line, null);
        }

        /** Stock into a position; a layered item opens a layer per piece that came from another warehouse. */
        void in(
                long warehouseId,
                long binId,
                long itemId,
                String batch,
                StockStatus status,
                BigDecimal qty,
                BigDecimal unitCost,
                BigDecimal value,
                java.time.LocalDate expiry,
                int line,
                List<CostPiece> from) {
            BigDecimal cost = unitCost == null ? BigDecimal.ZERO : unitCost;
            BigDecimal v = value != null ? value : Rounding.amount(qty.multiply(cost));
            Level level = levels.get(new Key(itemId, warehouseId));
            BigDecimal before = level.onHand;
            apply(new Move(warehouseId, binId, itemId, batch, status, qty, cost, v, expiry, line, null));
            if (neutral || !book.layered(itemId)) {
                return;
            }
            if (before.signum() < 0) {
                // Stock that was short is first made good; only what is left over is a layer, holding
                // all the value left.
                if (level.onHand.signum() > 0) {
                    book.add(itemId, warehouseId, batch, documentId, line, level.onHand, level.value);
                }
                return;
            }
            BigDecimal restQty = qty;
            BigDecimal restValue = v;
            if (from != null) {
                for (CostPiece piece : from) {
                    book.add(itemId, warehouseId, piece.batch(), documentId, line, piece.qty(), piece.value());
                    restQty = restQty.subtract(piece.qty());
                    restValue = restValue.subtract(piece.value());
                }
            }
            book.add(itemId, warehouseId, batch, documentId, line, restQty, restValue);
        }

        /**
         * Stock out of a pool: from the named bin and batch, or picked first-expiry-first from the
         * positions that hold it (only bins that count as available, when taking available stock).
         */
        List<Move> take(
                long warehouseId, long binId, long itemId, String batch, StockStatus status, BigDecimal qty, int line) {
            return take(warehouseId, binId, itemId, batch, status, qty, line, false);
        }

        List<Move> take(
                long warehouseId,
                long binId,
                long itemId,
                String batch,
                StockStatus status,
                BigDecimal qty,
                int line,
                boolean ignoreReserved) {
            Level level = levels.get(new Key(itemId, warehouseId));
            boolean availablePool = status == StockStatus.AVAILABLE;
            if (availablePool && (binId == 0 || counts(binId)) && !allowNegative && !ignoreReserved) {
                BigDecimal free = level.availableOnHand.subtract(level.reserved);
                if (free.compareTo(qty) < 0) {
                    throw insufficient(itemId, warehouseId, binId, batch, status, qty, free.max(BigDecimal.ZERO));
                }
            }
            List<Position> candidates = positions(itemId, warehouseId).stream()
                    .filter(p -> p.status() == status
                            && (binId == 0 || p.binId() == binId)
                            && (batch == null || p.batch().equals(batch)))
                    .toList();
            if (binId == 0 && availablePool) {
                candidates = candidates.stream().filter(p -> counts(p.binId())).toList();
            }
            List<Move> taken = new ArrayList<>();
            BigDecimal remaining = qty;
            BigDecimal found = BigDecimal.ZERO;
            for (Position p : candidates) {
                BigDecimal pending = pendingAt(warehouseId, p.binId(), itemId, p.batch(), status);
                BigDecimal onHand = p.onHand().add(pending);
                found = found.add(onHand.max(BigDecimal.ZERO));
                if (remaining.signum() == 0 || onHand.signum() <= 0) {
                    continue;
                }
                BigDecimal q = onHand.min(remaining);
                taken.add(out(level, warehouseId, p.binId(), itemId, p.batch(), status, q, p.expiryDate(), line));
                remaining = remaining.subtract(q);
            }
            if (remaining.signum() > 0) {
                if (!allowNegative) {
                    throw insufficient(itemId, warehouseId, binId, batch, status, qty, found);
                }
                taken.add(out(
                        level, warehouseId, binId, itemId, batch == null ? "" : batch, status, remaining, null, line));
            }
            return taken;
        }

        /**
         * Reverses a move at its own cost; taking stock away again is checked like any outbound and
         * never leaves value behind without stock.
         */
        void reverse(Move m) {
            BigDecimal qty = m.qty().negate();
            if (qty.signum() < 0 && !allowNegative) {
                Level level = levels.get(new Key(m.itemId(), m.warehouseId()));
                BigDecimal onHand = rows.onHand(
                                companyId, m.itemId(), m.warehouseId(), m.binId(), m.batch(), m.status())
                        .add(pendingAt(m.warehouseId(), m.binId(), m.itemId(), m.batch(), m.status()));
                boolean availableStock = m.status() == StockStatus.AVAILABLE && counts(m.binId());
                BigDecimal free = level.availableOnHand.subtract(level.reserved);
                if (onHand.compareTo(qty.negate()) < 0 || availableStock && free.compareTo(qty.negate()) < 0) {
                    throw insufficient(
                            m.itemId(),
                            m.warehouseId(),
                            m.binId(),
                            m.batch(),
                            m.status(),
                            qty.negate(),
                            availableStock ? onHand.min(free).max(BigDecimal.ZERO) : onHand.max(BigDecimal.ZERO));
                }
            }
            BigDecimal value = m.value().negate();
            BigDecimal unitCost = m.unitCost();
            if (book.layered(m.itemId())) {
                if (qty.signum() < 0 && !neutral) {
                    // Stock that came in goes out of its own layers first; what later documents took
                    // of them is replaced from the oldest other layers.
                    Level level = levels.get(new Key(m.itemId(), m.warehouseId()));
                    Taken t = book.take(
                            m.itemId(), m.warehouseId(), m.batch(), qty.negate(), documentId, m.line(), null, 0);
                    BigDecimal rest = qty.negate().subtract(t.qty());
                    value = t.value()
                            .add(Rounding.amount(rest.multiply(level.avgCost)))
                            .negate();
                    unitCost = Rounding.unitCost(value, qty);
                }
                // Outbound moves come back at their cost: their layers were restored before.
            } else if (qty.signum() < 0) {
                // Received stock goes back out at its original cost, unless the average has moved so far
                // that this would leave value without stock, or negative value: then like any outbound.
                Level level = levels.get(new Key(m.itemId(), m.warehouseId()));
                if (level.onHand.compareTo(qty.negate()) == 0) {
                    value = level.value.negate();
                } else if (level.value.add(value).signum() < 0) {
                    value = Rounding.amount(qty.multiply(level.avgCost));
                }
                if (value.compareTo(m.value().negate()) != 0) {
                    unitCost = Rounding.unitCost(value, qty);
                }
            }
            apply(new Move(
                    m.warehouseId(),
                    m.binId(),
                    m.itemId(),
                    m.batch(),
                    m.status(),
                    qty,
                    unitCost,
                    value,
                    m.expiryDate(),
                    m.line(),
                    m.reversalOf()));
        }

        private Move out(
                Level level,
                long warehouseId,
                long binId,
                long itemId,
                String batch,
                StockStatus status,
                BigDecimal qty,
                java.time.LocalDate expiry,
                int line) {
            BigDecimal unitCost = level.onHand.signum() > 0 && level.value.signum() >= 0
                    ? Rounding.unitCost(level.value, level.onHand)
                    : level.avgCost;
            // Taking everything that is left takes all the value that is left: no residue.
            BigDecimal value = level.onHand.compareTo(qty) == 0 ? level.value : Rounding.amount(qty.multiply(unitCost));
            Taken taken = null;
            if (!neutral && book.layered(itemId)) {
                taken = book.take(itemId, warehouseId, batch, qty, preferDocument, preferLine, documentId, line);
                // Beyond the layers (negative stock allowed) the rest goes at the last average.
                value = taken.value()
                        .add(Rounding.amount(qty.subtract(taken.qty()).multiply(level.avgCost)));
                unitCost = Rounding.unitCost(value, qty);
            }
            Move move = new Move(
                    warehouseId,
                    binId,
                    itemId,
                    batch,
                    status,
                    qty.negate(),
                    unitCost,
                    value.negate(),
                    expiry,
                    line,
                    null);
            apply(move);
            if (taken != null) {
                pieces.put(move, taken.pieces());
            }
            return move;
        }

        private BigDecimal pendingAt(long warehouseId, long binId, long itemId, String batch, StockStatus status) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Move m : moves) {
                if (m.warehouseId() == warehouseId
                        && m.binId() == binId
                        && m.itemId() == itemId
                        && m.batch().equals(batch)
                        && m.status() == status) {
                    sum = sum.add(m.qty());
                }
            }
            return sum;
        }

        private void apply(Move m) {
            Level level = levels.get(new Key(m.itemId(), m.warehouseId()));
            level.onHand = level.onHand.add(m.qty());
            level.value = level.value.add(m.value());
            if (m.status() == StockStatus.AVAILABLE && counts(m.binId())) {
                level.availableOnHand = level.availableOnHand.add(m.qty());
            }
            if (m.status() == StockStatus.IN_TRANSIT) {
                level.inTransit = level.inTransit.add(m.qty());
            }
            if (level.onHand.signum() > 0 && level.value.signum() >= 0) {
                level.avgCost = Rounding.unitCost(level.value, level.onHand);
            }
            moves.add(m);
        }

        /**
         * Value for {@code qty} units a receipt line brought in (a landed cost's share, an invoice's
         * price difference): the part for what is still held goes into stock — FIFO into the line's
         * own layers, at moving average in proportion to what the warehouse holds — by a move of no
         * quantity; the rest is left for the voucher to put into cost of sales.
         */
        void addValue(
                long itemId,
                long warehouseId,
                long receipt,
                int receiptLine,
                BigDecimal qty,
                BigDecimal value,
                int line) {
            BigDecimal toStock;
            if (book.layered(itemId)) {
                toStock = book.addValue(itemId, warehouseId, receipt, receiptLine, qty, value, documentId, line);
            } else {
                BigDecimal held = levels.get(new Key(itemId, warehouseId))
                        .onHand
                        .max(BigDecimal.ZERO)
                        .min(qty);
                toStock = Rounding.amount(value.multiply(held).divide(qty, 10, java.math.RoundingMode.HALF_UP));
            }
            if (toStock.signum() != 0) {
                apply(new Move(
                        warehouseId,
                        0,
                        itemId,
                        "",
                        StockStatus.AVAILABLE,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        toStock,
                        null,
                        line,
                        null));
            }
        }

        /**
         * A landed cost's value joins the stock where the ledger stands when it is posted, never
         * among moves that were already costed without it (they took their share through its
         * voucher): its moves sort after the latest move of the items it lands on.
         */
        java.time.LocalDate latest(java.time.LocalDate date) {
            java.time.LocalDate at = date;
            for (Level level : levels.values()) {
                if (level.lastMovedOnBefore != null && level.lastMovedOnBefore.isAfter(at)) {
                    at = level.lastMovedOnBefore;
                }
            }
            return at;
        }

        BigDecimal net(long itemId, long warehouseId) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Move m : moves) {
                if (m.itemId() == itemId && m.warehouseId() == warehouseId) {
                    sum = sum.add(m.qty());
                }
            }
            return sum;
        }

        boolean moved(long itemId, long warehouseId) {
            for (Move m : moves) {
                if (m.itemId() == itemId && m.warehouseId() == warehouseId) {
                    return true;
                }
            }
            return false;
        }

        List<Move> write(long documentId, long userId, java.time.LocalDate date) {
            // One change per position, so a position new to this document is inserted once.
            Map<String, StockRows.PositionChange> changes = new java.util.LinkedHashMap<>();
            for (Move m : moves) {
                if (m.qty().signum() == 0) {
                    continue;
                }
                changes.merge(
                        m.itemId() + "|" + m.warehouseId() + "|" + m.binId() + "|" + m.batch() + "|" + m.status(),
                        new StockRows.PositionChange(
                                m.itemId(), m.warehouseId(), m.binId(), m.batch(), m.status(), m.qty(), m.expiryDate()),
                        (a, b) -> new StockRows.PositionChange(
                                a.itemId(),
                                a.warehouseId(),
                                a.binId(),
                                a.batch(),
                                a.status(),
                                a.qty().add(b.qty()),
                                a.expiryDate() != null ? a.expiryDate() : b.expiryDate()));
            }
            OffsetDateTime now = OffsetDateTime.now();
            for (Move m : moves) {
                Level level = levels.get(new Key(m.itemId(), m.warehouseId()));
                if (level.lastMovedOn == null || level.lastMovedOn.isBefore(date)) {
                    level.lastMovedOn = date;
                }
            }
            book.flush(now);
            rows.write(companyId, List.copyOf(changes.values()), documentId, date, userId, now, moves, levels.values());
            return moves;
        }

        private BusinessException insufficient(
                long itemId,
                long warehouseId,
                long binId,
                String batch,
                StockStatus status,
                BigDecimal needed,
                BigDecimal available) {
            String[] names = rows.names(companyId, itemId, warehouseId, binId);
            var e = new BusinessException(
                            ErrorCode.INSUFFICIENT_STOCK,
                            "error.stock.insufficient",
                            names[0],
                            names[1],
                            Rounding.plain(needed),
                            Rounding.plain(available))
                    .withFact("item", names[0])
                    .withFact("warehouse", names[1])
                    .withFact("status", status.name())
                    .withFact("needed", Rounding.plain(needed))
                    .withFact("available", Rounding.plain(available));
            if (names[2] != null) {
                e = e.withFact("bin", names[2]);
            }
            if (batch != null && !batch.isEmpty()) {
                e = e.withFact("batch", batch);
            }
            return e;
        }
    }
}
