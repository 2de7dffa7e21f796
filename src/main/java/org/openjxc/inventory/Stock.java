package org.openjxc.inventory;

import java.time.LocalDate;
import org.openjxc.audit.AuditLog;
import org.openjxc.costing.CostLayers;
import org.openjxc.costing.LayerMismatch;
import org.openjxc.inventory.internal.PeriodSnapshots;
import org.openjxc.inventory.internal.StockQueries;
import org.openjxc.inventory.internal.StockRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock as people and integrations ask for it: positions, totals, the ledger, and the proof that
 * the cached balances equal the ledger. Costs and values are shown only with {@code VIEW_COST}.
 */
@Service
public class Stock {

    private final StockQueries queries;
    private final CostLayers costLayers;
    private final PeriodSnapshots snapshots;
    private final AuditLog audit;

    Stock(StockQueries queries, CostLayers costLayers, PeriodSnapshots snapshots, AuditLog audit) {
        this.queries = queries;
        this.costLayers = costLayers;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    /**
     * Keeps the stock at the end of a month being closed ({@code previous}: the month closed before
     * it, if any); answers its value. Called by closing, in its transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public java.math.BigDecimal snapshotMonth(long companyId, java.time.YearMonth month, java.time.YearMonth previous) {
        return snapshots.write(companyId, month, previous);
    }

    /** Forgets the month-end stock of a month being reopened. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void dropMonthSnapshot(long companyId, java.time.YearMonth month) {
        snapshots.delete(companyId, month);
    }

    /** Value the standing moves of a posted document moved: what its voucher books against inventory. */
    @Transactional(readOnly = true)
    public java.math.BigDecimal documentValue(long companyId, long documentId) {
        return queries.documentValue(companyId, documentId);
    }

    /**
     * The same for a document being posted: one first posted in this transaction moved exactly what
     * this transaction wrote for it, so the ledger is not summed again.
     */
    @Transactional(readOnly = true)
    public java.math.BigDecimal documentValue(org.openjxc.document.PostingDocument d) {
        java.math.BigDecimal written = d.firstPosting() ? StockRows.writtenValue(d.id()) : null;
        return written != null ? written : queries.documentValue(d.companyId(), d.id());
    }

    /** What the standing moves of several posted documents moved together (a production order's issues). */
    @Transactional(readOnly = true)
    public java.math.BigDecimal documentsValue(long companyId, java.util.Collection<Long> documentIds) {
        return queries.documentsValue(companyId, documentIds);
    }

    /** Current unit cost per item: its average in the warehouse, else over the company; none without stock. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, java.math.BigDecimal> unitCosts(
            long companyId, long warehouseId, java.util.Collection<Long> itemIds) {
        return queries.unitCosts(companyId, warehouseId, itemIds);
    }

    /** The value of all stock, for reconciling with the inventory account. */
    @Transactional(readOnly = true)
    public java.math.BigDecimal totalValue(long companyId) {
        return queries.totalValue(companyId);
    }

    @Transactional(readOnly = true)
    public PageResult<StockPosition> positions(Actor actor, StockQuery query, PageQuery page) {
        var result = queries.positions(actor.companyId(), actor.scope(), query, page);
        return Actors.has(Permission.VIEW_COST)
                ? result
                : result.map(p -> new StockPosition(
                        p.item(),
                        p.itemName(),
                        p.unit(),
                        p.warehouse(),
                        p.bin(),
                        p.binCountsAsAvailable(),
                        p.batch(),
                        p.expiryDate(),
                        p.status(),
                        p.onHand(),
                        p.reserved(),
                        p.available(),
                        null,
                        null));
    }

    @Transactional(readOnly = true)
    public PageResult<StockSummary> summaries(Actor actor, StockQuery query, PageQuery page) {
        var result = queries.summaries(actor.companyId(), actor.scope(), query, page);
        return Actors.has(Permission.VIEW_COST)
                ? result
                : result.map(s -> new StockSummary(
                        s.item(),
                        s.itemName(),
                        s.unit(),
                        s.warehouse(),
                        s.warehouseName(),
                        s.onHand(),
                        s.available(),
                        s.reserved(),
                        s.inTransit(),
                        s.notAvailable(),
                        s.pendingIn(),
                        s.pendingOut(),
                        null,
                        null));
    }

    @Transactional(readOnly = true)
    public PageResult<StockMoveView> moves(
            Actor actor, StockQuery query, LocalDate from, LocalDate to, PageQuery page) {
        var result = queries.moves(actor.companyId(), actor.scope(), query, from, to, page);
        return Actors.has(Permission.VIEW_COST)
                ? result
                : result.map(m -> new StockMoveView(
                        m.id(),
                        m.item(),
                        m.warehouse(),
                        m.bin(),
                        m.batch(),
                        m.status(),
                        m.qty(),
                        null,
                        null,
                        m.document(),
                        m.documentNumber(),
                        m.documentType(),
                        m.line(),
                        m.reversal(),
                        m.postedAt(),
                        m.postedBy(),
                        m.balance()));
    }

    @Transactional(readOnly = true)
    public Verification verify(Actor actor) {
        actor.scope().requireWholeCompany();
        var differences = new java.util.ArrayList<>(queries.differences(actor.companyId()));
        // FIFO and specific-batch items: the open cost layers hold exactly the stock and its value.
        for (LayerMismatch m : costLayers.mismatches(actor.companyId())) {
            if (m.onHand().compareTo(m.layerQty()) != 0) {
                differences.add(new StockDifference(
                        "COST_LAYERS", m.item(), m.warehouse(), null, null, null, "onHand", m.onHand(), m.layerQty()));
            }
            if (m.value().compareTo(m.layerValue()) != 0) {
                differences.add(new StockDifference(
                        "COST_LAYERS", m.item(), m.warehouse(), null, null, null, "value", m.value(), m.layerValue()));
            }
        }
        return new Verification(
                differences.isEmpty(),
                queries.moveCount(actor.companyId()),
                queries.positionCount(actor.companyId()),
                differences);
    }

    /**
     * Rebuilds positions and totals from the ledger, then verifies. Never needed in normal
     * operation; it exists so that nobody ever has to fix stock by hand.
     */
    @Transactional
    public Verification recalculate(Actor actor) {
        actor.scope().requireWholeCompany();
        var before = queries.differences(actor.companyId());
        queries.rebuild(actor.companyId());
        Verification after = verify(actor);
        audit.record(
                "RECALCULATE",
                "Stock",
                actor.companyId(),
                java.util.Map.of("differencesBefore", before.size()),
                java.util.Map.of("differencesAfter", after.differences().size(), "moves", after.moves()));
        return after;
    }
}
