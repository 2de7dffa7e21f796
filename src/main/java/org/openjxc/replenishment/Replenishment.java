package org.openjxc.replenishment;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.Items;
import org.openjxc.document.DocumentCommand;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.document.LineCommand;
import org.openjxc.organization.Warehouses;
import org.openjxc.replenishment.internal.ForecastRun;
import org.openjxc.replenishment.internal.ReplenishmentRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replenishment (补货建议): forecasting runs in the background with progress (on demand and
 * nightly), suggestions computed from the latest forecasts and today's stock, one item's forecast
 * for the chart, and accepted suggestions turned into draft purchase orders and transfers.
 */
@Service
public class Replenishment {

    private static final Logger log = LoggerFactory.getLogger(Replenishment.class);

    private final ReplenishmentRows rows;
    private final ForecastRun forecasts;
    private final Items items;
    private final Warehouses warehouses;
    private final Documents documents;
    private final AuditLog audit;
    private final int expiryDays;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "replenishment");
        t.setDaemon(true);
        return t;
    });

    Replenishment(
            ReplenishmentRows rows,
            ForecastRun forecasts,
            Items items,
            Warehouses warehouses,
            Documents documents,
            AuditLog audit,
            @Value("${openjxc.replenishment.expiry-days:60}") int expiryDays) {
        this.rows = rows;
        this.forecasts = forecasts;
        this.items = items;
        this.warehouses = warehouses;
        this.documents = documents;
        this.audit = audit;
        this.expiryDays = expiryDays;
    }

    // --- forecasting runs -----------------------------------------------------------------------

    /** Starts a forecasting run in the background (or answers the one running) with its progress. */
    @Transactional
    public ReplenishmentRunView start(Actor actor) {
        var started = rows.startRun(actor.companyId(), actor.userId());
        started.ifPresent(id -> {
            audit.record("FORECAST", "Replenishment", id, null, Map.of());
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            worker.execute(() -> run(actor.companyId(), id));
                        }
                    });
        });
        return rows.latestRun(actor.companyId()).orElseThrow();
    }

    /** The latest run of the company, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<ReplenishmentRunView> latestRun(Actor actor) {
        return rows.latestRun(actor.companyId());
    }

    private void run(long companyId, long runId) {
        try {
            int written = forecasts.run(companyId, runId, LocalDate.now());
            rows.finishRun(companyId, runId, "DONE", null);
            log.info("Forecast {} of company {}: {} series", runId, companyId, written);
        } catch (RuntimeException e) {
            log.warn("Forecast {} of company {} failed", runId, companyId, e);
            rows.finishRun(companyId, runId, "FAILED", String.valueOf(e.getMessage()));
        }
    }

    /** Every night, every company: forecasts follow the demand of the day before. */
    @Scheduled(cron = "${openjxc.replenishment.cron:0 45 3 * * *}")
    void nightly() {
        for (long company : rows.companies()) {
            rows.startRun(company, null).ifPresent(id -> run(company, id));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void abandoned() {
        rows.failAbandoned();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    // --- settings -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ReplenishmentSetting setting(Actor actor, String itemCode) {
        ItemView item = items.get(actor, itemCode);
        return rows.setting(actor.companyId(), item.id())
                .orElse(new ReplenishmentSetting(new BigDecimal("0.95"), 7, null, null, null));
    }

    @Transactional
    public ReplenishmentSetting saveSetting(Actor actor, String itemCode, ReplenishmentSetting setting) {
        ItemView item = items.get(actor, itemCode);
        ReplenishmentSetting before = rows.setting(actor.companyId(), item.id()).orElse(null);
        rows.saveSetting(actor.companyId(), item.id(), setting);
        ReplenishmentSetting after = rows.setting(actor.companyId(), item.id()).orElseThrow();
        audit.record("UPDATE", "ReplenishmentSetting", item.code(), before, after);
        return after;
    }

    // --- suggestions ----------------------------------------------------------------------------

    /**
     * Suggestions for the actor's warehouses (or one), optionally of one kind or supplier: first
     * transfers from warehouses with more than they need (same org unit first, then the most
     * excess), then purchases for what is still short, rounded up to the minimum order and the
     * pack; then batches that will expire before their warehouse sells them, moved to where they
     * sell or marked to be sold off.
     */
    @Transactional(readOnly = true)
    public PageResult<Suggestion> suggestions(
            Actor actor, String warehouse, String kind, String supplier, PageQuery page) {
        String code = warehouse == null || warehouse.isBlank() ? null : warehouse.trim();
        if (code != null) {
            warehouses.get(actor, code);
        }
        List<Suggestion> all = new ArrayList<>();
        if (kind == null || kind.isBlank() || kind.equals("PURCHASE") || kind.equals("TRANSFER")) {
            all.addAll(stockSuggestions(actor, code));
        }
        if (kind == null || kind.isBlank() || kind.startsWith("EXPIRY")) {
            all.addAll(expirySuggestions(actor, code));
        }
        // Grouped as they become documents: purchases by supplier and warehouse, transfers by route.
        List<String> kinds = List.of("TRANSFER", "PURCHASE", "EXPIRY_TRANSFER", "EXPIRY_PROMOTE");
        List<Suggestion> chosen = all.stream()
                .filter(s -> kind == null || kind.isBlank() || s.kind().equals(kind))
                .filter(s -> supplier == null || supplier.isBlank() || supplier.equals(s.supplier()))
                .sorted(Comparator.comparing((Suggestion s) -> kinds.indexOf(s.kind()))
                        .thenComparing(s -> s.supplier() == null ? "" : s.supplier())
                        .thenComparing(s -> s.fromWarehouse() == null ? "" : s.fromWarehouse())
                        .thenComparing(Suggestion::warehouse)
                        .thenComparing(Suggestion::item))
                .toList();
        int from = (int) Math.min(page.offset(), chosen.size());
        int to = Math.min(from + page.size(), chosen.size());
        return new PageResult<>(chosen.subList(from, to), page.page(), page.size(), chosen.size());
    }

    private List<Suggestion> stockSuggestions(Actor actor, String warehouse) {
        List<ReplenishmentRows.Pair> pairs = rows.pairs(actor.companyId(), actor.scope(), warehouse);
        Map<Long, List<ReplenishmentRows.Pair>> byItem = new LinkedHashMap<>();
        pairs.forEach(
                p -> byItem.computeIfAbsent(p.itemId(), k -> new ArrayList<>()).add(p));
        List<Suggestion> out = new ArrayList<>();
        for (List<ReplenishmentRows.Pair> group : byItem.values()) {
            List<ReplenishmentRows.Pair> shortOnes =
                    group.stream().filter(ReplenishmentRows.Pair::short_).toList();
            Map<Long, BigDecimal> excess = new HashMap<>();
            List<ReplenishmentRows.Pair> sources =
                    new ArrayList<>(group.stream().filter(p -> !p.short_()).toList());
            sources.forEach(p -> excess.put(
                    p.warehouseId(), p.available().subtract(target(p)).setScale(0, RoundingMode.DOWN)));
            for (ReplenishmentRows.Pair p : shortOnes) {
                BigDecimal need = target(p).subtract(position(p)).setScale(0, RoundingMode.CEILING);
                // Nearest first: warehouses of the same org unit, then those with the most to spare.
                sources.sort(Comparator.comparing((ReplenishmentRows.Pair s) -> s.orgUnitId() != p.orgUnitId())
                        .thenComparing(s -> excess.get(s.warehouseId()), Comparator.reverseOrder()));
                for (ReplenishmentRows.Pair s : sources) {
                    BigDecimal spare = excess.get(s.warehouseId());
                    if (need.signum() <= 0 || s.warehouseId() == p.warehouseId() || spare.signum() <= 0) {
                        continue;
                    }
                    BigDecimal qty = spare.min(need);
                    excess.put(s.warehouseId(), spare.subtract(qty));
                    need = need.subtract(qty);
                    out.add(suggestion("TRANSFER", p, s.warehouse(), qty));
                }
                if (need.signum() > 0) {
                    out.add(suggestion("PURCHASE", p, null, orderQty(need, p.minOrderQty(), p.packQty())));
                }
            }
        }
        return out;
    }

    /** What a warehouse should hold after an order: its reorder point and a review period's demand. */
    private static BigDecimal target(ReplenishmentRows.Pair p) {
        return p.reorderPoint().add(p.daily().multiply(BigDecimal.valueOf(p.reviewDays())));
    }

    private static BigDecimal position(ReplenishmentRows.Pair p) {
        return p.available().add(p.inTransit()).add(p.onOrder());
    }

    /** The quantity to order: at least the minimum order, in whole packs. */
    static BigDecimal orderQty(BigDecimal need, BigDecimal minOrderQty, BigDecimal packQty) {
        BigDecimal qty = minOrderQty != null && need.compareTo(minOrderQty) < 0 ? minOrderQty : need;
        if (packQty != null && packQty.signum() > 0) {
            qty = qty.divide(packQty, 0, RoundingMode.CEILING).multiply(packQty);
        }
        return qty.stripTrailingZeros().scale() < 0 ? qty.setScale(0) : qty.stripTrailingZeros();
    }

    private static Suggestion suggestion(String kind, ReplenishmentRows.Pair p, String from, BigDecimal qty) {
        return new Suggestion(
                kind,
                p.item(),
                p.itemName(),
                p.unit(),
                p.warehouse(),
                p.warehouseName(),
                from,
                kind.equals("PURCHASE") ? p.supplier() : null,
                kind.equals("PURCHASE") ? p.supplierName() : null,
                qty,
                p.available(),
                p.inTransit(),
                p.onOrder(),
                p.daily(),
                p.safetyStock(),
                p.reorderPoint(),
                p.method(),
                p.mase(),
                p.leadTime(),
                p.leadTimeLearnt(),
                null,
                null);
    }

    /**
     * Batches expiring within the window that their warehouse will not sell before they expire
     * (earlier batches selling first): moved to the warehouse that sells the item fastest, as far as
     * it can sell them in time, and the rest marked to be sold off (promotion, markdown).
     */
    private List<Suggestion> expirySuggestions(Actor actor, String warehouse) {
        LocalDate today = LocalDate.now();
        List<ReplenishmentRows.Expiring> batches =
                rows.expiring(actor.companyId(), actor.scope(), warehouse, today.plusDays(expiryDays));
        Map<Long, List<ReplenishmentRows.Elsewhere>> elsewhere = rows.demandElsewhere(
                actor.companyId(),
                batches.stream()
                        .map(ReplenishmentRows.Expiring::itemId)
                        .distinct()
                        .toList());
        List<Suggestion> out = new ArrayList<>();
        Map<String, BigDecimal> soldBefore = new HashMap<>();
        // What other warehouses are already asked to take, so that two batches do not both go there.
        Map<String, BigDecimal> taken = new HashMap<>();
        for (ReplenishmentRows.Expiring b : batches) {
            long days = Math.max(0, ChronoUnit.DAYS.between(today, b.expiryDate()));
            String key = b.itemId() + "/" + b.warehouseId();
            BigDecimal sellable = b.daily().multiply(BigDecimal.valueOf(days));
            BigDecimal before = soldBefore.getOrDefault(key, BigDecimal.ZERO);
            BigDecimal sells = sellable.subtract(before).max(BigDecimal.ZERO).min(b.qty());
            soldBefore.put(key, before.add(b.qty()));
            BigDecimal left = b.qty().subtract(sells).setScale(0, RoundingMode.DOWN);
            if (left.signum() <= 0) {
                continue;
            }
            for (ReplenishmentRows.Elsewhere e : elsewhere.getOrDefault(b.itemId(), List.of())) {
                if (e.warehouseId() == b.warehouseId() || left.signum() <= 0) {
                    continue;
                }
                String there = b.itemId() + "/" + e.warehouseId();
                BigDecimal room = e.daily()
                        .multiply(BigDecimal.valueOf(days))
                        .subtract(taken.getOrDefault(there, BigDecimal.ZERO))
                        .setScale(0, RoundingMode.DOWN);
                if (room.signum() <= 0) {
                    continue;
                }
                BigDecimal qty = room.min(left);
                taken.merge(there, qty, BigDecimal::add);
                left = left.subtract(qty);
                out.add(expiry("EXPIRY_TRANSFER", b, e.warehouse(), e.warehouseName(), b.warehouse(), qty));
            }
            if (left.signum() > 0) {
                out.add(expiry("EXPIRY_PROMOTE", b, b.warehouse(), b.warehouseName(), null, left));
            }
        }
        return out;
    }

    private static Suggestion expiry(
            String kind, ReplenishmentRows.Expiring b, String to, String toName, String from, BigDecimal qty) {
        return new Suggestion(
                kind,
                b.item(),
                b.itemName(),
                b.unit(),
                to,
                toName,
                from,
                null,
                null,
                qty,
                b.qty(),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                b.daily(),
                null,
                null,
                null,
                null,
                null,
                false,
                b.batch(),
                b.expiryDate());
    }

    // --- one item's forecast --------------------------------------------------------------------

    /** An item's forecast in a warehouse with the last 90 days of demand and the projected stock. */
    @Transactional(readOnly = true)
    public ForecastView forecast(Actor actor, String itemCode, String warehouseCode) {
        ItemView item = items.get(actor, itemCode);
        var warehouse = warehouses.get(actor, warehouseCode);
        if (!actor.scope().covers(warehouse.id())) {
            throw BusinessException.notFound("Warehouse", warehouseCode);
        }
        var row = rows.forecast(actor.companyId(), item.id(), warehouse.id())
                .orElseThrow(() -> new BusinessException(
                        ErrorCode.NOT_FOUND, "error.replenishment.noForecast", item.code(), warehouse.code()));
        LocalDate today = LocalDate.now();
        Map<LocalDate, BigDecimal> demand =
                rows.demand(actor.companyId(), item.id(), warehouse.id(), today.minusDays(90));
        List<ForecastView.Day> history = new ArrayList<>();
        for (LocalDate d = today.minusDays(90); d.isBefore(today); d = d.plusDays(1)) {
            history.add(new ForecastView.Day(
                    d, demand.getOrDefault(d, BigDecimal.ZERO).max(BigDecimal.ZERO)));
        }
        List<ForecastView.Day> forecast = new ArrayList<>();
        String[] values = ((String) row.get("forecast")).split(",");
        for (int i = 0; i < values.length; i++) {
            forecast.add(new ForecastView.Day(today.plusDays(i), new BigDecimal(values[i])));
        }
        BigDecimal lead = (BigDecimal) row.get("lead_time_days");
        Map<LocalDate, BigDecimal> arriving = new HashMap<>();
        rows.openOrders(actor.companyId(), item.id(), warehouse.id())
                .forEach((date, qty) -> arriving.merge(
                        date == null || date.isBefore(today)
                                ? today.plusDays(
                                        lead.setScale(0, RoundingMode.CEILING).longValue())
                                : date,
                        qty,
                        BigDecimal::add));
        BigDecimal[] now = rows.stockNow(actor.companyId(), item.id(), warehouse.id());
        BigDecimal stock = now[0].add(now[1]);
        List<ForecastView.Day> projection = new ArrayList<>();
        for (ForecastView.Day f : forecast) {
            stock = stock.add(arriving.getOrDefault(f.date(), BigDecimal.ZERO)).subtract(f.qty());
            projection.add(new ForecastView.Day(f.date(), stock.setScale(2, RoundingMode.HALF_UP)));
        }
        return new ForecastView(
                item.code(),
                item.name(),
                item.unit(),
                warehouse.code(),
                (String) row.get("method"),
                (String) row.get("parameters"),
                (BigDecimal) row.get("daily_demand"),
                (BigDecimal) row.get("demand_sd"),
                (BigDecimal) row.get("mase"),
                (BigDecimal) row.get("wape"),
                (Boolean) row.get("intermittent"),
                ((Number) row.get("history_days")).intValue(),
                ((Number) row.get("demand_days")).intValue(),
                lead,
                (BigDecimal) row.get("lead_time_sd"),
                (Boolean) row.get("lead_time_learnt"),
                (BigDecimal) row.get("safety_stock"),
                (BigDecimal) row.get("reorder_point"),
                (java.time.OffsetDateTime) row.get("computed_at"),
                history,
                forecast,
                projection);
    }

    // --- accepted suggestions → draft documents ---------------------------------------------------

    /**
     * Draft purchase orders (one per supplier and warehouse, at the items' purchase prices) and
     * transfers (one per pair of warehouses) from accepted suggestions; all or nothing.
     */
    @Transactional
    public List<DocumentView> order(Actor actor, List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw BusinessException.invalid("lines", "error.replenishment.nothingChosen");
        }
        Map<String, ItemView> found = items.findAll(
                actor.companyId(),
                lines.stream().map(OrderLine::item).distinct().toList());
        List<FieldViolation> v = new ArrayList<>();
        Map<List<String>, List<LineCommand>> groups = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine l = lines.get(i);
            ItemView item = found.get(l.item());
            if (item == null) {
                v.add(FieldViolation.of("lines[" + i + "].item", "error.reference.unknown", "Item", l.item()));
                continue;
            }
            if (l.kind().equals("PURCHASE")) {
                if (item.defaultSupplier() == null) {
                    v.add(FieldViolation.of("lines[" + i + "].item", "error.replenishment.noSupplier", item.code()));
                    continue;
                }
                groups.computeIfAbsent(
                                List.of("PURCHASE", item.defaultSupplier(), l.warehouse()), k -> new ArrayList<>())
                        .add(new LineCommand(
                                item.code(),
                                l.qty(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
            } else {
                if (l.fromWarehouse() == null
                        || l.fromWarehouse().isBlank()
                        || l.fromWarehouse().equals(l.warehouse())) {
                    v.add(FieldViolation.of("lines[" + i + "].fromWarehouse", "error.replenishment.fromWarehouse"));
                    continue;
                }
                groups.computeIfAbsent(List.of("TRANSFER", l.fromWarehouse(), l.warehouse()), k -> new ArrayList<>())
                        .add(new LineCommand(
                                item.code(),
                                l.qty(),
                                null,
                                null,
                                null,
                                null,
                                l.batch(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
            }
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        List<DocumentView> created = new ArrayList<>();
        groups.forEach((key, commandLines) -> {
            boolean purchase = key.get(0).equals("PURCHASE");
            created.add(documents.create(
                    actor,
                    new DocumentCommand(
                            purchase ? DocumentType.PURCHASE_ORDER : DocumentType.TRANSFER,
                            LocalDate.now(),
                            purchase ? key.get(2) : key.get(1),
                            purchase ? null : key.get(2),
                            purchase ? key.get(1) : null,
                            null,
                            "补货建议",
                            commandLines,
                            null,
                            null)));
        });
        return created;
    }
}
