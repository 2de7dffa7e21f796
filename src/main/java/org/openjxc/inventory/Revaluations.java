package org.openjxc.inventory;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjxc.audit.AuditLog;
import org.openjxc.document.DocumentType;
import org.openjxc.inventory.internal.CostWalk;
import org.openjxc.inventory.internal.RevaluationRows;
import org.openjxc.inventory.internal.RevaluationRows.Job;
import org.openjxc.shared.Actor;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Back-dated postings (DESIGN.md "Costing"): the moving average of an item in a warehouse follows
 * document dates, so a posting dated before later moves of the same item and warehouse re-values
 * those later moves — only those: one index range, work in proportion to the moves affected. A
 * short range is re-valued within the posting; a long one by a background job in steps of
 * {@code step} (25,000) moves, each step its own transaction holding the item's lock, keeping its place
 * and running totals so that it resumes after a restart without losing or repeating a move. A
 * transfer whose shipment was re-valued passes the difference on to its destination by a job.
 * Corrections are ledger rows of no quantity; {@link StockRevalued} lets the books follow in the
 * same transaction. FIFO items re-value by swapping layers ({@link #layersSwapped}); a transfer
 * among them passes its change on to its destination by a job as well.
 */
@Service
public class Revaluations {

    /** A range of at most this many moves is re-valued within the posting itself (tests lower it). */
    static volatile int atOnce = 2_000;

    /** Moves per step of a job (tests lower it). */
    static volatile int step = 25_000;

    private static final Logger log = LoggerFactory.getLogger(Revaluations.class);

    private final RevaluationRows rows;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final org.openjxc.costing.CostLayers costLayers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "revaluation");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    Revaluations(
            RevaluationRows rows,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            AuditLog audit,
            org.openjxc.costing.CostLayers costLayers) {
        this.costLayers = costLayers;
        this.rows = rows;
        this.events = events;
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * After a posting or unposting dated {@code date} wrote its moves of these (item, warehouse)
     * pairs, which have moves dated later and are locked by the caller: re-values what follows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void backDated(long companyId, long documentId, long userId, LocalDate date, Collection<long[]> keys) {
        OffsetDateTime now = OffsetDateTime.now();
        boolean queuedJob = false;
        for (long[] key : keys) {
            long item = key[0];
            long warehouse = key[1];
            if (queue(companyId, item, warehouse, documentId, userId, date, 0, now, false)) {
                queuedJob = true;
                continue;
            }
            CostWalk walk = start(companyId, item, warehouse, date, 0);
            var moves = rows.moves(companyId, item, warehouse, date, 0, atOnce + 1);
            var corrections = walkAndWrite(companyId, item, warehouse, documentId, userId, walk, moves, now);
            long id = rows.create(companyId, item, warehouse, documentId, userId, date, 0, moves.size(), "DONE", now);
            rows.advance(companyId, id, date, 0, walk, 0, corrections, true, now);
            queuedJob |= passOn(companyId, documentId, userId, corrections, now);
        }
        if (queuedJob) {
            wakeAfterCommit();
        }
    }

    /**
     * How far the stock of the item in the warehouse falls below zero on the worst date from
     * {@code date} on, in document-date order (zero when it never does). Work in proportion to the
     * moves from that date.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal shortage(long companyId, long item, long warehouse, LocalDate date) {
        BigDecimal[] level = rows.level(companyId, item, warehouse);
        BigDecimal[] range = rows.sum(companyId, item, warehouse, date, 0);
        BigDecimal lowest = level[0].subtract(range[0]).add(rows.lowestRunningQty(companyId, item, warehouse, date));
        return lowest.signum() < 0 ? lowest.negate() : BigDecimal.ZERO;
    }

    /**
     * Queues a re-valuation of the item in the warehouse from the point on, or moves an unfinished
     * one back to it; {@code always} queues even a short range. Answers whether a job is waiting.
     */
    private boolean queue(
            long companyId,
            long item,
            long warehouse,
            long documentId,
            long userId,
            LocalDate date,
            long move,
            OffsetDateTime now,
            boolean always) {
        var pending = rows.pending(companyId, item, warehouse);
        if (pending.isPresent()) {
            Job j = pending.get();
            LocalDate atDate = j.cursorDate() != null ? j.cursorDate() : j.fromDate();
            long atMove = j.cursorDate() != null ? j.cursorMove() : j.fromMove();
            if (date.isBefore(atDate) || date.equals(atDate) && move < atMove) {
                rows.restart(
                        companyId,
                        j.id(),
                        date,
                        move,
                        rows.count(companyId, item, warehouse, date, move, Integer.MAX_VALUE));
            }
            return true;
        }
        int count = rows.count(companyId, item, warehouse, date, move, always ? Integer.MAX_VALUE : atOnce + 1);
        if (!always && count <= atOnce) {
            return false;
        }
        if (always && count == 0) {
            return false;
        }
        if (!always) {
            count = rows.count(companyId, item, warehouse, date, move, Integer.MAX_VALUE);
        }
        rows.create(companyId, item, warehouse, documentId, userId, date, move, count, "PENDING", now);
        return true;
    }

    /** The running stock just before the point: the totals less what the range holds. */
    private CostWalk start(long companyId, long item, long warehouse, LocalDate date, long move) {
        BigDecimal[] level = rows.level(companyId, item, warehouse);
        BigDecimal[] range = rows.sum(companyId, item, warehouse, date, move);
        BigDecimal qty = level[0].subtract(range[0]);
        BigDecimal value = level[1].subtract(range[1]);
        // Without stock at that point the average is the one the item last moved at before it.
        BigDecimal cost = qty.signum() > 0 && value.signum() >= 0
                ? org.openjxc.shared.Rounding.unitCost(value, qty)
                : rows.lastCostBefore(companyId, item, warehouse, date, move);
        return new CostWalk(qty, value, cost);
    }

    private List<CostWalk.Correction> walkAndWrite(
            long companyId,
            long item,
            long warehouse,
            long documentId,
            long userId,
            CostWalk walk,
            List<CostWalk.WalkMove> moves,
            OffsetDateTime now) {
        Map<String, BigDecimal[]> returned = rows.returnedLines(companyId, moves);
        for (CostWalk.WalkMove m : moves) {
            walk.walk(m, returned);
        }
        List<CostWalk.Correction> corrections = walk.drain();
        if (corrections.isEmpty()) {
            return corrections;
        }
        rows.correct(companyId, item, warehouse, documentId, userId, now, corrections);
        publish(companyId, documentId, corrections);
        return corrections;
    }

    /**
     * FIFO re-valuation of a back-dated receipt (the layers already moved by
     * {@link org.openjxc.costing.CostLayers#backDated}): each outbound line whose layers changed gets
     * a correction of its value, and the books follow.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void layersSwapped(
            long companyId,
            long documentId,
            long userId,
            long item,
            long warehouse,
            List<org.openjxc.costing.CostLayers.Swap> swaps) {
        List<CostWalk.Correction> corrections = new java.util.ArrayList<>();
        for (var swap : swaps) {
            rows.outbound(companyId, swap.documentId(), swap.line(), item, warehouse)
                    .ifPresent(m ->
                            corrections.add(new CostWalk.Correction(m, m.value().add(swap.delta()))));
        }
        if (corrections.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        rows.correct(companyId, item, warehouse, documentId, userId, now, corrections);
        publish(companyId, documentId, corrections);
        // A transfer that now took other layers carries the difference to its destination.
        if (passOn(companyId, documentId, userId, corrections, now)) {
            wakeAfterCommit();
        }
    }

    /**
     * The FIFO side of a job: the transfer lines arriving in the job's warehouse within its range
     * whose arrival no longer stands at what their shipment took (the shipment was re-valued) get
     * the difference — on the arrival and its receipt into stock, in the layers the transfer opened
     * there, and on the documents that already took from those layers.
     */
    private List<CostWalk.Correction> carriedOn(Job j, LocalDate date, long move, OffsetDateTime now) {
        long companyId = j.companyId();
        List<CostWalk.Correction> corrections = new java.util.ArrayList<>();
        for (var arrival : rows.arrivals(companyId, j.itemId(), j.warehouseId(), date, move)) {
            BigDecimal change = arrival.shipped().subtract(arrival.arrived());
            if (change.signum() == 0) {
                continue;
            }
            var takers = costLayers.passedOn(
                    companyId, arrival.documentId(), arrival.line(), j.itemId(), j.warehouseId(), change);
            if (takers.isEmpty()) {
                // It opened no layers here (it only made good stock that was short): nothing to carry.
                continue;
            }
            var moves = rows.arrivalMoves(companyId, arrival.documentId(), arrival.line(), j.itemId(), j.warehouseId());
            BigDecimal arrivedQty = moves.stream()
                    .filter(m -> m.kind() == CostWalk.Kind.TRANSFER_IN)
                    .map(CostWalk.WalkMove::qty)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal left = change;
            long lastArrival = moves.stream()
                    .filter(m -> m.kind() == CostWalk.Kind.TRANSFER_IN)
                    .mapToLong(CostWalk.WalkMove::id)
                    .max()
                    .orElse(-1);
            for (var m : moves) {
                // In proportion to quantity: a receipt from transit into stock moves out and in by the same amount.
                BigDecimal share;
                if (m.id() == lastArrival) {
                    share = left;
                } else {
                    share = org.openjxc.shared.Rounding.amount(
                            change.multiply(m.qty().abs()).divide(arrivedQty, 10, java.math.RoundingMode.HALF_UP));
                    if (m.qty().signum() < 0) {
                        share = share.negate();
                    }
                    if (m.kind() == CostWalk.Kind.TRANSFER_IN) {
                        left = left.subtract(share);
                    }
                }
                if (share.signum() != 0) {
                    corrections.add(new CostWalk.Correction(m, m.value().add(share)));
                }
            }
            for (var taker : takers.get()) {
                rows.outbound(companyId, taker.documentId(), taker.line(), j.itemId(), j.warehouseId())
                        .ifPresent(m -> corrections.add(
                                new CostWalk.Correction(m, m.value().add(taker.delta()))));
            }
        }
        if (!corrections.isEmpty()) {
            rows.correct(companyId, j.itemId(), j.warehouseId(), j.documentId(), j.requestedBy(), now, corrections);
            publish(companyId, j.documentId(), corrections);
        }
        return corrections;
    }

    private void publish(long companyId, long documentId, List<CostWalk.Correction> corrections) {
        Map<String, StockRevalued.Amount> amounts = new LinkedHashMap<>();
        for (CostWalk.Correction c : corrections) {
            var m = c.move();
            amounts.merge(
                    m.movedOn() + "|" + m.documentType(),
                    new StockRevalued.Amount(m.movedOn(), DocumentType.valueOf(m.documentType()), c.delta()),
                    (a, b) -> new StockRevalued.Amount(
                            a.date(), a.type(), a.value().add(b.value())));
        }
        events.publishEvent(new StockRevalued(companyId, documentId, List.copyOf(amounts.values())));
    }

    /** A re-valued transfer shipment changes what arrived at its destination: queued from there on. */
    private boolean passOn(
            long companyId, long documentId, long userId, List<CostWalk.Correction> corrections, OffsetDateTime now) {
        boolean any = false;
        for (CostWalk.Correction c : corrections) {
            var m = c.move();
            if (m.kind() != CostWalk.Kind.OUT || !"TRANSFER".equals(m.documentType())) {
                continue;
            }
            long[] destination = rows.arrival(companyId, m.id()).orElse(null);
            if (destination != null && destination[1] != m.warehouseId()) {
                long item = destination[0];
                long warehouse = destination[1];
                any |= queue(companyId, item, warehouse, documentId, userId, m.movedOn(), m.id(), now, true);
            }
        }
        return any;
    }

    /** One step of a job in its own transaction; answers whether more remains. */
    boolean step(long companyId, long id) {
        Boolean more = transactions.execute(status -> {
            Job j = rows.job(companyId, id).orElse(null);
            if (j == null || !"PENDING".equals(j.status())) {
                return false;
            }
            rows.lock(companyId, j.itemId(), j.warehouseId());
            j = rows.job(companyId, id).orElseThrow();
            if (!"PENDING".equals(j.status())) {
                return false;
            }
            // Two jobs for one item and warehouse (queued by transactions that could not see each
            // other) become one, from the earlier of their places.
            for (Job other : rows.pendingOf(companyId, j.itemId(), j.warehouseId())) {
                if (other.id() == j.id()) {
                    continue;
                }
                LocalDate otherDate = other.cursorDate() != null ? other.cursorDate() : other.fromDate();
                long otherMove = other.cursorDate() != null ? other.cursorMove() : other.fromMove();
                LocalDate atDate = j.cursorDate() != null ? j.cursorDate() : j.fromDate();
                long atMove = j.cursorDate() != null ? j.cursorMove() : j.fromMove();
                rows.merged(companyId, other.id(), OffsetDateTime.now());
                if (otherDate.isBefore(atDate) || otherDate.equals(atDate) && otherMove < atMove) {
                    rows.restart(companyId, j.id(), otherDate, otherMove, 0);
                }
                j = rows.job(companyId, id).orElseThrow();
            }
            OffsetDateTime now = OffsetDateTime.now();
            LocalDate date = j.cursorDate() != null ? j.cursorDate() : j.fromDate();
            long move = j.cursorDate() != null ? j.cursorMove() : j.fromMove();
            if (rows.layered(companyId, j.itemId())) {
                // Layers keep their own values: only what transfers carried in is passed on, in one step.
                var corrections = carriedOn(j, date, move, now);
                rows.advance(
                        companyId,
                        id,
                        date,
                        move,
                        new CostWalk(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                        0,
                        corrections,
                        true,
                        now);
                if (passOn(companyId, j.documentId(), j.requestedBy(), corrections, now)) {
                    wakeAfterCommit();
                }
                return false;
            }
            CostWalk walk = j.cursorDate() != null
                    ? new CostWalk(j.runQty(), j.runValue(), j.runCost())
                    : start(companyId, j.itemId(), j.warehouseId(), date, move);
            var moves = rows.moves(companyId, j.itemId(), j.warehouseId(), date, move, step);
            var corrections = walkAndWrite(
                    companyId, j.itemId(), j.warehouseId(), j.documentId(), j.requestedBy(), walk, moves, now);
            boolean done = moves.size() < step;
            if (!moves.isEmpty()) {
                var last = moves.get(moves.size() - 1);
                date = last.movedOn();
                move = last.id() + 1;
            }
            rows.advance(companyId, id, date, move, walk, moves.size(), corrections, done, now);
            if (passOn(companyId, j.documentId(), j.requestedBy(), corrections, now)) {
                wakeAfterCommit();
            }
            return !done;
        });
        return Boolean.TRUE.equals(more);
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** Runs the waiting jobs on the background thread (once, however often it is woken meanwhile). */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        queued.set(false);
        for (long[] job : rows.pendingJobs()) {
            try {
                while (step(job[0], job[1])) {
                    // next step
                }
            } catch (RuntimeException e) {
                // Left pending: the next wake or poll takes it up again where it stopped.
                log.warn("Re-valuation {} stopped and will be resumed: {}", job[1], e.toString());
            }
        }
    }

    /** Picks up jobs left by a restart or a failed step. */
    @Scheduled(fixedDelayString = "${openjxc.revaluation.poll:PT30S}", initialDelayString = "PT10S")
    void poll() {
        if (!rows.pendingJobs().isEmpty()) {
            wake();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * 成本重算: re-values the moving-average items (one, or all) in the warehouses (one, or all)
     * from a date on, by jobs. Answers how many were queued.
     */
    @Transactional
    public int request(Actor actor, String itemCode, String warehouseCode, LocalDate from) {
        actor.scope().requireWholeCompany();
        LocalDate since = from == null ? LocalDate.of(1900, 1, 1) : from;
        if (itemCode != null && !itemCode.isBlank()) {
            String method = rows.costMethod(actor.companyId(), itemCode.trim())
                    .orElseThrow(() -> org.openjxc.shared.BusinessException.notFound("Item", itemCode.trim()));
            if (!"MOVING_AVERAGE".equals(method)) {
                // FIFO and batch items keep the layers their moves took: nothing to re-value here.
                throw org.openjxc.shared.BusinessException.invalid(
                        "item", "error.revaluation.notMovingAverage", itemCode.trim());
            }
        }
        if (warehouseCode != null
                && !warehouseCode.isBlank()
                && !rows.warehouseExists(actor.companyId(), warehouseCode.trim())) {
            throw org.openjxc.shared.BusinessException.notFound("Warehouse", warehouseCode.trim());
        }
        List<long[]> keys = rows.revaluable(actor.companyId(), itemCode, warehouseCode, since);
        OffsetDateTime now = OffsetDateTime.now();
        int queuedJobs = 0;
        for (long[] k : keys) {
            rows.lock(actor.companyId(), k[0], k[1]);
            // Document 0: asked for by a user, not caused by a posting.
            if (queue(actor.companyId(), k[0], k[1], 0, actor.userId(), since, 0, now, true)) {
                queuedJobs++;
            }
        }
        audit.record(
                "REVALUE",
                "Stock",
                actor.companyId(),
                Map.of(),
                Map.of(
                        "from",
                        since.toString(),
                        "item",
                        itemCode == null ? "" : itemCode,
                        "warehouse",
                        warehouseCode == null ? "" : warehouseCode,
                        "jobs",
                        queuedJobs));
        wakeAfterCommit();
        return queuedJobs;
    }

    /** Whether re-valuations of the company are still waiting or running. */
    @Transactional(readOnly = true)
    public boolean busy(long companyId) {
        return rows.pendingJobs().stream().anyMatch(j -> j[0] == companyId);
    }

    /** The company's re-valuations, newest first, with their progress. */
    @Transactional(readOnly = true)
    public PageResult<RevaluationView> list(Actor actor, String status, PageQuery page) {
        actor.scope().requireWholeCompany();
        return rows.list(actor.companyId(), status, page);
    }
}
