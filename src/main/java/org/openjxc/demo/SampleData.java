package org.openjxc.demo;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.Items;
import org.openjxc.demo.internal.BulkLedger;
import org.openjxc.demo.internal.SamplePlan;
import org.openjxc.document.DocumentCommand;
import org.openjxc.document.DocumentType;
import org.openjxc.document.Documents;
import org.openjxc.document.LineCommand;
import org.openjxc.inventory.Stock;
import org.openjxc.inventory.Transfers;
import org.openjxc.organization.WarehouseCommand;
import org.openjxc.organization.Warehouses;
import org.openjxc.partner.PartnerCommand;
import org.openjxc.partner.PartnerType;
import org.openjxc.partner.Partners;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.ImportRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a sample company at a chosen scale into the caller's company, which must be empty
 * (issue 12: the benchmarks' data, and a way to try OpenJXC at the size of one's own business).
 * Master data goes through the services like any user's; the documents are either posted one by
 * one through the document engine (correct by construction, for the small scales) or bulk-loaded
 * (PostgreSQL {@code COPY}) for the large one. Either way {@code verify} checks the ledger at the
 * end. Deterministic: the same scale and seed give the same company. Runs in the background, one
 * at a time, with its progress kept until restart.
 */
@Service
public class SampleData {

    private static final Logger log = LoggerFactory.getLogger(SampleData.class);

    private final Warehouses warehouses;
    private final Partners partners;
    private final Items items;
    private final Documents documents;
    private final Transfers transfers;
    private final Stock stock;
    private final BulkLedger bulk;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Map<String, SampleDataRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sample-data");
        t.setDaemon(true);
        return t;
    });

    SampleData(
            Warehouses warehouses,
            Partners partners,
            Items items,
            Documents documents,
            Transfers transfers,
            Stock stock,
            BulkLedger bulk,
            TransactionTemplate transactions,
            AuditLog audit) {
        this.warehouses = warehouses;
        this.partners = partners;
        this.items = items;
        this.documents = documents;
        this.transfers = transfers;
        this.stock = stock;
        this.bulk = bulk;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Starts generating; refused unless the company has no items, no documents and no run under way. */
    public synchronized SampleDataRun start(Actor actor, SampleDataRequest request) {
        actor.scope().requireWholeCompany();
        String mine = actor.companyId() + "|";
        boolean running = runs.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith(mine)
                        && !e.getValue().phase().equals("DONE")
                        && !e.getValue().phase().equals("FAILED"));
        if (running || !bulk.empty(actor.companyId())) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.sample.notEmpty");
        }
        long seed = request.seed() == null ? 42 : request.seed();
        boolean bulkLoad = request.bulk() != null ? request.bulk() : request.scale() == SampleScale.LARGE;
        String id = UUID.randomUUID().toString();
        var run = new SampleDataRun(id, request.scale(), seed, bulkLoad, "MASTER_DATA", 0, 0, null, null, null, null);
        runs.put(key(actor, id), run);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        worker.execute(() -> {
            SecurityContextHolder.getContext().setAuthentication(authentication);
            try {
                generate(actor, run);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return run;
    }

    /** Whether sample data may go into the caller's company: it has no items and no documents yet. */
    public boolean possible(Actor actor) {
        return bulk.empty(actor.companyId());
    }

    /** A run of the caller's company. */
    public SampleDataRun get(Actor actor, String id) {
        SampleDataRun run = runs.get(key(actor, id));
        if (run == null) {
            throw BusinessException.notFound("SampleData", id);
        }
        return run;
    }

    private static String key(Actor actor, String id) {
        return actor.companyId() + "|" + id;
    }

    private void update(Actor actor, SampleDataRun run) {
        runs.put(key(actor, run.id()), run);
    }

    private void generate(Actor actor, SampleDataRun started) {
        long begin = System.currentTimeMillis();
        var plan = SamplePlan.of(started.scale(), started.seed(), LocalDate.now());
        long expected = plan.countDocuments();
        SampleDataRun run = new SampleDataRun(
                started.id(),
                started.scale(),
                started.seed(),
                started.bulk(),
                "MASTER_DATA",
                0,
                expected,
                null,
                null,
                null,
                null);
        update(actor, run);
        try {
            SampleDataRun documenting = phase(run, "DOCUMENTS", 0);
            long written;
            if (started.bulk()) {
                // All or nothing: a failed load leaves the company empty, to try again.
                written = transactions.execute(tx -> {
                    masterData(actor, plan);
                    update(actor, documenting);
                    return bulk.load(
                            plan,
                            bulk.ids(actor.companyId(), actor.userId(), plan),
                            n -> update(actor, phase(documenting, "DOCUMENTS", n)));
                });
            } else {
                // Each document commits as it is posted, as a clerk's would; a failure keeps those posted.
                transactions.executeWithoutResult(tx -> masterData(actor, plan));
                update(actor, documenting);
                written = post(actor, plan, documenting);
            }
            run = documenting;
            // Statistics for what was just written, before verify and the first pages read it.
            bulk.analyze();
            run = phase(run, "VERIFY", written);
            update(actor, run);
            var verification = stock.verify(actor);
            String runId = run.id();
            transactions.executeWithoutResult(tx -> audit.record(
                    "GENERATE",
                    "SampleData",
                    runId,
                    null,
                    Map.of(
                            "scale", plan.scale().name(),
                            "seed", plan.seed(),
                            "bulk", started.bulk(),
                            "documents", written,
                            "moves", verification.moves())));
            run = new SampleDataRun(
                    run.id(),
                    run.scale(),
                    run.seed(),
                    run.bulk(),
                    "DONE",
                    written,
                    run.expected(),
                    verification.moves(),
                    verification.consistent(),
                    System.currentTimeMillis() - begin,
                    null);
            log.info(
                    "Sample data {} seed {}: {} documents, {} moves in {} ms, verify {}",
                    plan.scale(),
                    plan.seed(),
                    written,
                    verification.moves(),
                    run.millis(),
                    verification.consistent() ? "consistent" : "NOT consistent");
        } catch (RuntimeException e) {
            log.warn("Sample data failed", e);
            run = new SampleDataRun(
                    run.id(),
                    run.scale(),
                    run.seed(),
                    run.bulk(),
                    "FAILED",
                    run.documents(),
                    run.expected(),
                    null,
                    null,
                    System.currentTimeMillis() - begin,
                    e.getMessage());
        }
        update(actor, run);
    }

    private static SampleDataRun phase(SampleDataRun run, String phase, long documents) {
        return new SampleDataRun(
                run.id(),
                run.scale(),
                run.seed(),
                run.bulk(),
                phase,
                documents,
                run.expected(),
                null,
                null,
                null,
                null);
    }

    private void masterData(Actor actor, SamplePlan plan) {
        var scale = plan.scale();
        for (int w = 0; w < scale.warehouses; w++) {
            warehouses.create(
                    actor, new WarehouseCommand(plan.warehouseCode(w), plan.warehouseName(w), "HQ", null, true, null));
        }
        String[] regions = {"华东", "华南", "华北", "华中", "西南"};
        for (int s = 0; s < scale.suppliers; s++) {
            partners.create(
                    actor,
                    partner(plan.supplierCode(s), "供应商 " + (s + 1) + " 号", PartnerType.SUPPLIER, regions[s % 5]));
        }
        for (int c = 0; c < scale.customers; c++) {
            partners.create(
                    actor, partner(plan.customerCode(c), "客户 " + (c + 1) + " 号", PartnerType.CUSTOMER, regions[c % 5]));
        }
        var result = items.importItems(
                actor,
                sink -> {
                    int n = 1;
                    for (var item : plan.items()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        row.put("code", item.code());
                        row.put("name", item.name());
                        row.put("unit", item.unit());
                        row.put("purchasePrice", item.purchasePrice().toPlainString());
                        row.put("salePrice", item.salePrice().toPlainString());
                        row.put("taxRate", "0");
                        row.put("batchManaged", Boolean.toString(item.batchManaged()));
                        if (item.batchManaged()) {
                            row.put("shelfLifeDays", Integer.toString(item.shelfLifeDays()));
                        }
                        row.put("defaultSupplier", plan.supplierCode(item.supplier()));
                        sink.accept(new ImportRow(++n, row));
                    }
                },
                "sample-items.csv",
                false);
        if (!result.ok()) {
            throw new IllegalStateException("sample items refused: " + result.problems());
        }
    }

    private static PartnerCommand partner(String code, String name, PartnerType type, String region) {
        return new PartnerCommand(
                code, name, type, region, null, null, null, null, null, null, 30, null, null, null, null, true, null);
    }

    /** Each document created and posted in its own transaction, as a till or a clerk would; transfers received. */
    private long post(Actor actor, SamplePlan plan, SampleDataRun run) {
        long[] count = {0};
        plan.documents(d -> {
            List<LineCommand> lines = new ArrayList<>(d.lines().size());
            for (var l : d.lines()) {
                lines.add(new LineCommand(
                        plan.items().get(l.item()).code(),
                        BigDecimal.valueOf(l.qty()),
                        null,
                        l.price() == null ? null : l.price(),
                        null,
                        null,
                        l.batch(),
                        l.productionDate(),
                        l.expiry(),
                        null,
                        null,
                        null,
                        null));
            }
            String partner = d.partner() < 0
                    ? null
                    : d.type() == DocumentType.PURCHASE_RECEIPT
                            ? plan.supplierCode(d.partner())
                            : plan.customerCode(d.partner());
            var doc = documents.create(
                    actor,
                    new DocumentCommand(
                            d.type(),
                            d.date(),
                            plan.warehouseCode(d.warehouse()),
                            d.toWarehouse() < 0 ? null : plan.warehouseCode(d.toWarehouse()),
                            partner,
                            null,
                            "示例数据",
                            lines,
                            null),
                    true);
            if (d.type() == DocumentType.TRANSFER) {
                transfers.receive(actor, doc.id(), List.of());
            }
            if (++count[0] % 100 == 0) {
                update(actor, phase(run, "DOCUMENTS", count[0]));
            }
        });
        return count[0];
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
