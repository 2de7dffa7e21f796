package org.openjxc.counting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjxc.attachment.AttachmentFile;
import org.openjxc.attachment.AttachmentOwner;
import org.openjxc.attachment.AttachmentView;
import org.openjxc.attachment.Attachments;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.Items;
import org.openjxc.counting.internal.CountFreeze;
import org.openjxc.counting.internal.CountRows;
import org.openjxc.document.DocumentCommand;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.document.LineCommand;
import org.openjxc.document.Settings;
import org.openjxc.document.StockStatus;
import org.openjxc.organization.BinView;
import org.openjxc.organization.WarehouseView;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.ImportProblem;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.ImportSource;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Stock counts: create, enter at the shelf, recount, submit, approve (posting the adjustment) or
 * cancel. With segregation of duties on, whoever created a count does not count it, and whoever
 * approves it neither created nor counted any of it.
 */
@Service
public class StockCounts {

    private static final String ENTITY = "StockCount";
    /** A document holds at most this many lines; a larger adjustment is split. */
    private static final int DOCUMENT_LINES = 5000;

    private final CountRows rows;
    private final Warehouses warehouses;
    private final Items items;
    private final Documents documents;
    private final Settings settings;
    private final CountFreeze freeze;
    private final Attachments attachments;
    private final AuditLog audit;

    StockCounts(
            CountRows rows,
            Warehouses warehouses,
            Items items,
            Documents documents,
            Settings settings,
            CountFreeze freeze,
            Attachments attachments,
            AuditLog audit) {
        this.rows = rows;
        this.warehouses = warehouses;
        this.items = items;
        this.documents = documents;
        this.settings = settings;
        this.freeze = freeze;
        this.attachments = attachments;
        this.audit = audit;
    }

    @Transactional
    public CountView create(Actor actor, CountCommand c) {
        List<FieldViolation> v = new ArrayList<>();
        WarehouseView warehouse = null;
        try {
            warehouse = warehouses.get(actor, c.warehouse());
        } catch (BusinessException notFound) {
            v.add(FieldViolation.of("warehouse", "error.reference.unknown", "Warehouse", c.warehouse()));
        }
        StringBuilder filter = new StringBuilder();
        List<Object> args = new ArrayList<>();
        switch (c.kind()) {
            case FULL -> {}
            case CYCLE -> {
                if (c.abcClass() == null) {
                    v.add(FieldViolation.of("abcClass", "import.required"));
                }
            }
            case AD_HOC -> {
                boolean any = false;
                if (present(c.binFrom()) || present(c.binTo())) {
                    any = true;
                    if (present(c.binFrom())) {
                        filter.append(" and b.code >= ?");
                        args.add(c.binFrom().trim());
                    }
                    if (present(c.binTo())) {
                        filter.append(" and b.code <= ?");
                        args.add(c.binTo().trim());
                    }
                }
                if (present(c.category())) {
                    any = true;
                    filter.append(" and i.category_id = (select id from item_category where company_id = i.company_id"
                            + " and code = ?)");
                    args.add(c.category().trim());
                }
                if (c.items() != null && !c.items().isEmpty()) {
                    any = true;
                    Map<String, ItemView> found = items.findAll(actor.companyId(), c.items());
                    for (int i = 0; i < c.items().size(); i++) {
                        if (!found.containsKey(c.items().get(i))) {
                            v.add(FieldViolation.of(
                                    "items[" + i + "]",
                                    "error.reference.unknown",
                                    "Item",
                                    c.items().get(i)));
                        }
                    }
                    filter.append(" and i.id in (")
                            .append(found.values().stream()
                                    .map(item -> String.valueOf(item.id()))
                                    .collect(Collectors.joining(", ", "", found.isEmpty() ? "0" : "")))
                            .append(')');
                }
                if (!any) {
                    v.add(FieldViolation.of("items", "error.count.adHocNeedsFilter"));
                }
            }
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        if (c.kind() == CountKind.CYCLE) {
            List<Long> candidates = rows.cycleCandidates(
                    actor.companyId(), warehouse.id(), c.abcClass().name());
            int percent = c.samplePercent() == null ? 100 : c.samplePercent();
            int take = (int) Math.ceil(candidates.size() * percent / 100.0);
            String ids = candidates.stream().limit(take).map(String::valueOf).collect(Collectors.joining(", "));
            filter.append(" and i.id in (").append(ids.isEmpty() ? "0" : ids).append(')');
        }
        OffsetDateTime now = OffsetDateTime.now();
        String number = rows.nextNumber(actor.companyId(), LocalDate.now());
        long id = rows.insertHeader(
                actor.companyId(),
                number,
                warehouse.id(),
                c.kind(),
                c.abcClass() == null ? null : c.abcClass().name(),
                c.blind() == null || c.blind(),
                Boolean.TRUE.equals(c.freeze()),
                c.tolerancePercent() == null ? BigDecimal.ZERO : c.tolerancePercent(),
                c.remark() == null || c.remark().isBlank() ? null : c.remark().trim(),
                actor.userId(),
                now);
        rows.insertLines(actor.companyId(), id, warehouse.id(), filter.toString(), args);
        CountView created = get(actor, id);
        if (created.freeze()) {
            freeze.changed(actor.companyId());
        }
        audit.record("CREATE", ENTITY, number, null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public CountView get(Actor actor, long id) {
        return rows.find(actor.companyId(), id, actor.scope())
                .orElseThrow(() -> BusinessException.notFound(ENTITY, id));
    }

    @Transactional(readOnly = true)
    public PageResult<CountView> list(Actor actor, CountStatus status, String warehouse, PageQuery page) {
        return rows.list(actor.companyId(), actor.scope(), status, warehouse, page);
    }

    /**
     * The lines of a count; counters of an open blind count do not see the books' quantities.
     * With {@code differencesOnly}, each line comes with the moves that could explain it.
     */
    @Transactional(readOnly = true)
    public PageResult<CountLineView> lines(Actor actor, long id, boolean differencesOnly, PageQuery page) {
        CountView count = get(actor, id);
        PageResult<CountLineView> result = rows.lines(actor.companyId(), id, differencesOnly, page);
        if (hidesBooks(count.blind(), count.status())) {
            return result.map(CountLineView::blind);
        }
        if (differencesOnly) {
            long warehouseId = warehouses.get(actor, count.warehouse()).id();
            Map<Integer, List<CountMove>> moves = rows.recentMoves(
                    actor.companyId(),
                    id,
                    warehouseId,
                    result.items().stream().map(CountLineView::line).toList());
            return result.map(l -> l.withRecentMoves(moves.getOrDefault(l.line(), List.of())));
        }
        return result;
    }

    /**
     * Records what was found at a position. The first entry of a position takes the books'
     * quantity at that moment, so postings during the count cause no false difference. A count
     * beyond the tolerance must be counted again; the recount is what counts.
     */
    @Transactional
    public CountLineView enter(Actor actor, long id, CountEntry entry) {
        CountRows.Header count = lockVisible(actor, id);
        expect(count, CountStatus.OPEN);
        if (sod(actor) && count.createdBy() == actor.userId()) {
            throw new BusinessException(ErrorCode.SEGREGATION_OF_DUTIES, "error.count.ownEntry", count.number());
        }
        List<FieldViolation> v = new ArrayList<>();
        WarehouseView warehouse = warehouses.get(actor, count.warehouse());
        long binId = 0;
        if (present(entry.bin())) {
            try {
                BinView bin = warehouses.binOf(actor, warehouse, entry.bin().trim());
                binId = bin.id();
            } catch (BusinessException unknown) {
                v.add(FieldViolation.of("bin", "error.bin.unknown", entry.bin(), warehouse.code()));
            }
        }
        String code = entry.item().trim();
        ItemView item = items.find(actor.companyId(), code)
                .or(() -> items.findByBarcode(actor, code))
                .orElse(null);
        BigDecimal factor = BigDecimal.ONE;
        if (item == null) {
            v.add(FieldViolation.of("item", "error.scan.unknownCode", code));
        } else if (present(entry.unit()) && !entry.unit().trim().equals(item.unit())) {
            factor = item.units().stream()
                    .filter(u -> u.unit().equals(entry.unit().trim()))
                    .map(u -> u.factor())
                    .findFirst()
                    .orElse(null);
            if (factor == null) {
                v.add(FieldViolation.of("unit", "error.document.unitOfItem", entry.unit(), code));
            }
        }
        String batch = present(entry.batch()) ? entry.batch().trim() : "";
        if (item != null && !batch.isEmpty() && !item.batchManaged()) {
            v.add(FieldViolation.of("batch", "error.document.notBatchManaged", item.code()));
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        BigDecimal qty = entry.qty().multiply(factor);
        OffsetDateTime now = OffsetDateTime.now();
        int line = rows.lockPosition(actor.companyId(), id, binId, item.id(), batch, StockStatus.AVAILABLE.name());
        rows.snapshot(actor.companyId(), id, line, count.warehouseId());
        CountRows.Entered before = rows.entered(actor.companyId(), id, line);
        boolean add = Boolean.TRUE.equals(entry.add());
        if (before.needsRecount() || before.recount() != null) {
            BigDecimal recount =
                    add && before.recount() != null ? before.recount().add(qty) : qty;
            rows.recount(actor.companyId(), id, line, recount, actor.userId(), now);
        } else {
            BigDecimal counted =
                    add && before.counted() != null ? before.counted().add(qty) : qty;
            rows.count(
                    actor.companyId(),
                    id,
                    line,
                    counted,
                    beyondTolerance(before.system(), counted, count.tolerancePercent()) && !add,
                    actor.userId(),
                    now);
        }
        CountLineView after = rows.line(actor.companyId(), id, line).orElseThrow();
        audit.record("COUNT", ENTITY, count.number() + "/" + line, null, after.blind());
        return hidesBooks(count.blind(), count.status()) ? after.blind() : after;
    }

    /**
     * Asks for a recount of lines counted by adding up scans (which skip the tolerance check while
     * pieces are still being scanned): every line beyond the tolerance is flagged now.
     */
    @Transactional
    public CountView submit(Actor actor, long id, boolean uncountedAsZero, Integer version) {
        CountRows.Header count = lockVisible(actor, id);
        expect(count, CountStatus.OPEN);
        checkVersion(count, version);
        if (uncountedAsZero) {
            rows.zeroUncounted(actor.companyId(), id, count.warehouseId(), actor.userId(), OffsetDateTime.now());
        }
        // Lines added up scan by scan were not checked against the tolerance while scanning.
        rows.flagBeyondTolerance(actor.companyId(), id, count.tolerancePercent());
        CountRows.Open open = rows.open(actor.companyId(), id);
        if (open.uncounted() > 0 || open.recounts() > 0) {
            throw new BusinessException(
                            ErrorCode.INVALID_STATE,
                            "error.count.notDone",
                            count.number(),
                            open.uncounted(),
                            open.recounts())
                    .withFact("uncounted", open.uncounted())
                    .withFact("recounts", open.recounts());
        }
        rows.submit(actor.companyId(), id, actor.userId(), OffsetDateTime.now());
        audit.record("SUBMIT", ENTITY, count.number(), CountStatus.OPEN, CountStatus.SUBMITTED);
        return get(actor, id);
    }

    /** Sends a submitted count back for more counting. */
    @Transactional
    public CountView reopen(Actor actor, long id, Integer version) {
        CountRows.Header count = lockVisible(actor, id);
        expect(count, CountStatus.SUBMITTED);
        checkVersion(count, version);
        rows.reopen(actor.companyId(), id);
        audit.record("REOPEN", ENTITY, count.number(), CountStatus.SUBMITTED, CountStatus.OPEN);
        return get(actor, id);
    }

    /**
     * Approves a submitted count: its gains and losses (counted minus the books at counting time)
     * post as a {@code COUNT_ADJUSTMENT} in the same transaction, with its voucher.
     */
    @Transactional
    public CountView approve(Actor actor, long id, Integer version) {
        CountRows.Header count = lockVisible(actor, id);
        expect(count, CountStatus.SUBMITTED);
        checkVersion(count, version);
        if (sod(actor)
                && (count.createdBy() == actor.userId()
                        || rows.counters(actor.companyId(), id).contains(actor.userId()))) {
            throw new BusinessException(ErrorCode.SEGREGATION_OF_DUTIES, "error.count.ownApproval", count.number());
        }
        // Approved first, so the count's own adjustment is not held back by its freeze.
        rows.approve(actor.companyId(), id, actor.userId(), OffsetDateTime.now(), null);
        List<CountRows.Difference> differences = rows.differences(actor.companyId(), id);
        Long first = null;
        String warehouse = count.warehouse();
        for (int from = 0; from < differences.size(); from += DOCUMENT_LINES) {
            List<LineCommand> lines =
                    differences.subList(from, Math.min(differences.size(), from + DOCUMENT_LINES)).stream()
                            .map(d -> new LineCommand(
                                    d.item(),
                                    d.qty(),
                                    null,
                                    null,
                                    d.bin(),
                                    null,
                                    d.batch().isEmpty() ? null : d.batch(),
                                    null,
                                    null,
                                    StockStatus.valueOf(d.status()),
                                    null,
                                    null,
                                    null))
                            .toList();
            DocumentView adjustment = documents.create(
                    actor,
                    new DocumentCommand(
                            DocumentType.COUNT_ADJUSTMENT,
                            null,
                            warehouse,
                            null,
                            null,
                            null,
                            count.number(),
                            lines,
                            null,
                            null),
                    true);
            if (first == null) {
                first = adjustment.id();
            }
        }
        rows.approve(actor.companyId(), id, actor.userId(), OffsetDateTime.now(), first);
        CountView after = get(actor, id);
        audit.record("APPROVE", ENTITY, count.number(), CountStatus.SUBMITTED, after);
        return after;
    }

    @Transactional
    public CountView cancel(Actor actor, long id, Integer version) {
        CountRows.Header count = lockVisible(actor, id);
        expect(count, CountStatus.OPEN, CountStatus.SUBMITTED);
        checkVersion(count, version);
        rows.cancel(actor.companyId(), id);
        audit.record("CANCEL", ENTITY, count.number(), count.status(), CountStatus.CANCELLED);
        return get(actor, id);
    }

    /** Records why a line differs, once people have looked into it. */
    @Transactional
    public CountLineView explain(Actor actor, long id, int line, CountCause cause, String note) {
        CountRows.Header count = lockVisible(actor, id);
        expect(count, CountStatus.OPEN, CountStatus.SUBMITTED, CountStatus.APPROVED);
        CountLineView before = rows.line(actor.companyId(), id, line)
                .orElseThrow(() -> BusinessException.notFound("StockCountLine", count.number() + "/" + line));
        String trimmed = note == null || note.isBlank() ? null : note.trim();
        if (trimmed != null && trimmed.length() > 300) {
            throw BusinessException.invalid("note", "error.text.tooLong", 300);
        }
        rows.cause(actor.companyId(), id, line, cause, trimmed);
        CountLineView after = rows.line(actor.companyId(), id, line).orElseThrow();
        audit.record("EXPLAIN", ENTITY, count.number() + "/" + line, before.cause(), after.cause());
        return after;
    }

    /**
     * Counted quantities from a count sheet (columns bin, item, batch, counted): every row or none.
     * Rows without a counted quantity are skipped, so a half-filled sheet can be imported twice.
     */
    @Transactional
    public ImportResult importSheet(Actor actor, long id, ImportSource source) {
        lockVisible(actor, id);
        List<ImportProblem> problems = new ArrayList<>();
        int[] rowsSeen = {0};
        int[] entered = {0};
        source.forEach(row -> {
            rowsSeen[0]++;
            String counted = row.get("counted");
            if (counted == null || counted.isBlank()) {
                return;
            }
            BigDecimal qty;
            try {
                qty = new BigDecimal(counted.trim());
            } catch (NumberFormatException e) {
                problems.add(ImportProblem.of(row.number(), "counted", "import.notANumber", counted));
                return;
            }
            try {
                enter(
                        actor,
                        id,
                        new CountEntry(
                                row.get("bin"),
                                row.get("item") == null ? "" : row.get("item"),
                                row.get("batch"),
                                qty,
                                row.get("unit"),
                                false));
                entered[0]++;
            } catch (BusinessException e) {
                if (e.violations().isEmpty()) {
                    problems.add(ImportProblem.of(
                            row.number(), "", e.messageKey(), e.args().toArray()));
                }
                for (FieldViolation v : e.violations()) {
                    problems.add(ImportProblem.of(
                            row.number(), v.field(), v.messageKey(), v.args().toArray()));
                }
            }
        });
        if (!problems.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new ImportResult(
                "count-sheet",
                rowsSeen[0],
                problems.isEmpty() ? entered[0] : 0,
                false,
                problems.size(),
                problems.subList(0, Math.min(problems.size(), ImportResult.MAX_PROBLEMS)));
    }

    /** A photo taken at the shelf (damage, a wrong label), kept with the count and naming its line. */
    @Transactional
    public AttachmentView attachPhoto(Actor actor, long id, int line, String fileName, byte[] content) {
        CountRows.Header count = lockVisible(actor, id);
        rows.line(actor.companyId(), id, line)
                .orElseThrow(() -> BusinessException.notFound("StockCountLine", count.number() + "/" + line));
        String name = "line-" + line + "-" + (fileName == null ? "photo" : fileName);
        return attachments.store(actor, AttachmentOwner.STOCK_COUNT, id, ENTITY, count.number(), name, content);
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> photos(Actor actor, long id) {
        return attachments.list(
                actor.companyId(), AttachmentOwner.STOCK_COUNT, get(actor, id).id());
    }

    @Transactional(readOnly = true)
    public AttachmentFile photo(Actor actor, long id, long attachmentId) {
        return attachments.file(
                actor.companyId(), AttachmentOwner.STOCK_COUNT, get(actor, id).id(), attachmentId);
    }

    @Transactional(readOnly = true)
    public List<CountAccuracy> accuracy(Actor actor, LocalDate from, LocalDate to) {
        return rows.accuracy(actor.companyId(), actor.scope(), start(from), end(to));
    }

    @Transactional(readOnly = true)
    public List<CountResponsibility> responsibility(Actor actor, LocalDate from, LocalDate to) {
        return rows.responsibility(actor.companyId(), actor.scope(), start(from), end(to));
    }

    // --- rules ---------------------------------------------------------------------------------------

    private CountRows.Header lockVisible(Actor actor, long id) {
        CountRows.Header count =
                rows.lock(actor.companyId(), id).orElseThrow(() -> BusinessException.notFound(ENTITY, id));
        if (!actor.scope().covers(count.warehouseId())) {
            throw BusinessException.notFound(ENTITY, id);
        }
        return count;
    }

    private boolean sod(Actor actor) {
        return settings.get(actor.companyId()).segregationOfDuties();
    }

    /** Counters of an open blind count see what they entered, not what the books say. */
    private static boolean hidesBooks(boolean blind, CountStatus status) {
        return blind && status == CountStatus.OPEN && !Actors.has(Permission.APPROVE_COUNT);
    }

    static boolean beyondTolerance(BigDecimal system, BigDecimal counted, BigDecimal tolerancePercent) {
        if (tolerancePercent == null || tolerancePercent.signum() == 0) {
            return false;
        }
        BigDecimal books = system == null ? BigDecimal.ZERO : system;
        BigDecimal difference = counted.subtract(books).abs();
        if (books.signum() == 0) {
            return difference.signum() != 0;
        }
        return difference
                        .multiply(BigDecimal.valueOf(100))
                        .divide(books.abs(), 4, RoundingMode.HALF_UP)
                        .compareTo(tolerancePercent)
                > 0;
    }

    private static void expect(CountRows.Header count, CountStatus... allowed) {
        for (CountStatus s : allowed) {
            if (count.status() == s) {
                return;
            }
        }
        throw new BusinessException(ErrorCode.INVALID_STATE, "error.count.state", count.number(), count.status())
                .withFact("status", count.status().name());
    }

    private static void checkVersion(CountRows.Header count, Integer version) {
        if (version != null && version != count.version()) {
            throw new BusinessException(ErrorCode.VERSION_CONFLICT, "error.versionConflict", ENTITY, count.number())
                    .withFact("currentVersion", count.version());
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static OffsetDateTime start(LocalDate from) {
        return (from == null ? LocalDate.of(2000, 1, 1) : from)
                .atStartOfDay(java.time.ZoneId.systemDefault())
                .toOffsetDateTime();
    }

    private static OffsetDateTime end(LocalDate to) {
        return (to == null ? LocalDate.now() : to)
                .plusDays(1)
                .atStartOfDay(java.time.ZoneId.systemDefault())
                .toOffsetDateTime();
    }
}
