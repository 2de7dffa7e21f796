package org.openjxc.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.openjxc.attachment.AttachmentFile;
import org.openjxc.attachment.AttachmentOwner;
import org.openjxc.attachment.AttachmentView;
import org.openjxc.attachment.Attachments;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.internal.CatalogRows;
import org.openjxc.catalog.internal.ItemImport;
import org.openjxc.catalog.internal.ItemRows;
import org.openjxc.partner.PartnerView;
import org.openjxc.partner.Partners;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.ImportProblems;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.ImportSource;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.References;
import org.openjxc.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Items with their units and barcodes. Every reference (unit, category, supplier) and every
 * barcode is checked before anything is written, and all problems are reported together.
 */
@Service
public class Items {

    private static final String ENTITY = "Item";

    private final ItemRows rows;
    private final CatalogRows catalog;
    private final Partners partners;
    private final AuditLog audit;
    private final ItemImport importer;
    private final Attachments attachments;

    Items(
            ItemRows rows,
            CatalogRows catalog,
            Partners partners,
            AuditLog audit,
            ItemImport importer,
            Attachments attachments) {
        this.attachments = attachments;
        this.importer = importer;
        this.rows = rows;
        this.catalog = catalog;
        this.partners = partners;
        this.audit = audit;
    }

    @Transactional
    public ItemView create(Actor actor, ItemCommand command) {
        if (!Actors.has(Permission.VIEW_PURCHASE_PRICE)) {
            command = command.withPurchasePrice(null);
        }
        Resolved resolved = resolve(actor, command, 0L);
        if (rows.codeExists(actor.companyId(), command.code())) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        long id = rows.insert(
                actor.companyId(), command, resolved.references(), command.active() == null || command.active());
        rows.replaceUnitsAndBarcodes(actor.companyId(), id, resolved.units(), resolved.barcodes());
        ItemView created = stored(actor, command.code());
        audit.record("CREATE", ENTITY, command.code(), null, created);
        return visible(created);
    }

    @Transactional
    public ItemView update(Actor actor, String code, ItemCommand command) {
        ItemView before = stored(actor, code);
        Versions.check(ENTITY, code, command.version(), before.version());
        if (!Actors.has(Permission.VIEW_PURCHASE_PRICE)) {
            // Whoever may not see the purchase price cannot change or erase it either.
            command = command.withPurchasePrice(before.purchasePrice());
        }
        Resolved resolved = resolve(actor, command, before.id());
        if (!command.code().equals(code) && rows.codeExists(actor.companyId(), command.code())) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        rows.update(
                actor.companyId(),
                before.id(),
                command,
                resolved.references(),
                command.active() == null ? before.active() : command.active());
        rows.replaceUnitsAndBarcodes(actor.companyId(), before.id(), resolved.units(), resolved.barcodes());
        ItemView after = rows.find(actor.companyId(), command.code()).orElseThrow();
        // Price changes are sensitive: the audit entry keeps both versions for review.
        audit.record(priceChanged(before, after) ? "UPDATE_PRICE" : "UPDATE", ENTITY, code, before, after);
        return visible(after);
    }

    @Transactional
    public void delete(Actor actor, String code) {
        ItemView before = stored(actor, code);
        References.deleting(ENTITY, code, () -> rows.delete(actor.companyId(), before.id()));
        attachments.deleteAll(actor.companyId(), AttachmentOwner.ITEM_PICTURE, before.id());
        audit.record("DELETE", ENTITY, code, before, null);
    }

    /** Keeps {@code content} as the item's picture, replacing any it had; it must be an image. */
    @Transactional
    public AttachmentView storePicture(Actor actor, String code, String fileName, byte[] content) {
        ItemView item = stored(actor, code);
        return attachments.store(actor, AttachmentOwner.ITEM_PICTURE, item.id(), ENTITY, code, fileName, content);
    }

    @Transactional(readOnly = true)
    public Optional<AttachmentFile> picture(Actor actor, String code) {
        return attachments.picture(actor.companyId(), stored(actor, code).id());
    }

    /** What is known of the item's picture without its bytes, for the item page. */
    @Transactional(readOnly = true)
    public Optional<AttachmentView> pictureInfo(Actor actor, String code) {
        return attachments
                .list(
                        actor.companyId(),
                        AttachmentOwner.ITEM_PICTURE,
                        stored(actor, code).id())
                .stream()
                .findFirst();
    }

    @Transactional
    public void deletePicture(Actor actor, String code) {
        ItemView item = stored(actor, code);
        var picture = attachments.list(actor.companyId(), AttachmentOwner.ITEM_PICTURE, item.id()).stream()
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("ItemPicture", code));
        attachments.delete(actor, AttachmentOwner.ITEM_PICTURE, item.id(), ENTITY, code, picture.id());
    }

    /** The item as the actor may see it: without purchase price unless they hold VIEW_PURCHASE_PRICE. */
    @Transactional(readOnly = true)
    public ItemView get(Actor actor, String code) {
        return rows.find(actor.companyId(), code)
                .map(Items::visible)
                .orElseThrow(() -> BusinessException.notFound(ENTITY, code));
    }

    private ItemView stored(Actor actor, String code) {
        return rows.find(actor.companyId(), code).orElseThrow(() -> BusinessException.notFound(ENTITY, code));
    }

    private static ItemView visible(ItemView item) {
        return Actors.has(Permission.VIEW_PURCHASE_PRICE) ? item : item.withoutPurchasePrice();
    }

    @Transactional(readOnly = true)
    public Optional<ItemView> find(long companyId, String code) {
        return rows.find(companyId, code);
    }

    /** Items by code as stored (purchase price included), for engines resolving many lines at once. */
    @Transactional(readOnly = true)
    public Map<String, ItemView> findAll(long companyId, java.util.Collection<String> codes) {
        return rows.findAll(companyId, codes);
    }

    /** The item's sale prices per customer price level (批发价, 会员价). */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> levelPrices(Actor actor, String code) {
        return rows.levelPrices(actor.companyId(), stored(actor, code).id());
    }

    /**
     * Replaces the item's level prices. Levels are short names as partners carry them; a negative
     * price or a blank level is refused, nothing written.
     */
    @Transactional
    public Map<String, BigDecimal> setLevelPrices(Actor actor, String code, Map<String, BigDecimal> prices) {
        ItemView item = stored(actor, code);
        List<FieldViolation> v = new ArrayList<>();
        Map<String, BigDecimal> clean = new java.util.TreeMap<>();
        prices.forEach((level, price) -> {
            String name = level == null ? "" : level.trim();
            if (name.isEmpty() || name.length() > 20) {
                v.add(FieldViolation.of("prices", "error.price.level", name));
            } else if (price == null || price.signum() < 0 || price.scale() > 6) {
                v.add(FieldViolation.of("prices." + name, "error.price.value", name));
            } else {
                clean.put(name, price);
            }
        });
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        Map<String, BigDecimal> before = rows.levelPrices(actor.companyId(), item.id());
        rows.replaceLevelPrices(actor.companyId(), item.id(), clean);
        Map<String, BigDecimal> after = rows.levelPrices(actor.companyId(), item.id());
        audit.record("UPDATE_PRICE", ENTITY, code, before, after);
        return after;
    }

    /**
     * Sets the ABC class of items as a classification run decided it (by consumption value), all
     * in one audit entry with how many items each class now holds.
     */
    @Transactional
    public Map<AbcClass, Integer> classify(Actor actor, Map<AbcClass, List<Long>> classes) {
        rows.setAbcClasses(actor.companyId(), classes);
        Map<AbcClass, Integer> sizes = new java.util.EnumMap<>(AbcClass.class);
        classes.forEach((abc, ids) -> sizes.put(abc, ids.size()));
        audit.record("CLASSIFY", ENTITY, "ABC", null, sizes);
        return sizes;
    }

    /** Sale prices of one customer price level for many items, by item code. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> pricesOfLevel(long companyId, String level, java.util.Collection<String> codes) {
        return rows.pricesOfLevel(companyId, level, codes);
    }

    @Transactional(readOnly = true)
    public Optional<ItemView> findByBarcode(Actor actor, String barcode) {
        return rows.findByBarcode(actor.companyId(), barcode).map(Items::visible);
    }

    @Transactional(readOnly = true)
    public PageResult<ItemView> list(Actor actor, ItemQuery query, PageQuery page) {
        return rows.list(actor.companyId(), query, categoryIds(actor, query), page)
                .map(Items::visible);
    }

    @Transactional(readOnly = true)
    public void forEach(Actor actor, ItemQuery query, Consumer<ItemView> sink) {
        rows.forEach(actor.companyId(), query, categoryIds(actor, query), item -> sink.accept(visible(item)));
    }

    /**
     * Imports items from a file: all rows or none. With {@code dryRun} it only checks. The audit
     * log gets one entry for the import (file, rows, code range); the rows are the file itself.
     */
    @Transactional
    public ImportResult importItems(Actor actor, ImportSource source, String fileName, boolean dryRun) {
        var problems = new ImportProblems();
        var outcome =
                importer.run(actor.companyId(), source, Actors.has(Permission.VIEW_PURCHASE_PRICE), dryRun, problems);
        if (problems.count() > 0 || dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } else {
            audit.record(
                    "IMPORT",
                    ENTITY,
                    fileName,
                    null,
                    java.util.Map.of(
                            "rows",
                            outcome.rows(),
                            "imported",
                            outcome.imported(),
                            "firstCode",
                            String.valueOf(outcome.firstCode()),
                            "lastCode",
                            String.valueOf(outcome.lastCode())));
        }
        return new ImportResult(
                "items",
                outcome.rows(),
                problems.count() > 0 ? 0 : outcome.imported(),
                dryRun,
                problems.count(),
                problems.list());
    }

    private List<Long> categoryIds(Actor actor, ItemQuery query) {
        if (query.category() == null || query.category().isBlank()) {
            return null;
        }
        return catalog.category(actor.companyId(), query.category().trim())
                .map(c -> catalog.categoryAndDescendants(actor.companyId(), c.id()))
                .orElse(List.of());
    }

    private record Resolved(ItemRows.References references, Map<Long, BigDecimal> units, List<String> barcodes) {}

    private Resolved resolve(Actor actor, ItemCommand c, long selfId) {
        long company = actor.companyId();
        List<FieldViolation> violations = new ArrayList<>();

        Long baseUnit = catalog.unit(company, c.unit()).map(UnitView::id).orElse(null);
        if (baseUnit == null) {
            violations.add(FieldViolation.of("unit", "error.unit.unknown", c.unit()));
        }
        Map<Long, BigDecimal> units = new LinkedHashMap<>();
        List<UnitFactor> alternates = c.unitsOrEmpty();
        for (int i = 0; i < alternates.size(); i++) {
            UnitFactor u = alternates.get(i);
            Long id = catalog.unit(company, u.unit()).map(UnitView::id).orElse(null);
            if (id == null) {
                violations.add(FieldViolation.of("units[" + i + "].unit", "error.unit.unknown", u.unit()));
            } else if (id.equals(baseUnit)) {
                violations.add(FieldViolation.of("units[" + i + "].unit", "error.unit.isBase", u.unit()));
            } else if (units.putIfAbsent(id, u.factor()) != null) {
                violations.add(FieldViolation.of("units[" + i + "].unit", "error.unit.repeated", u.unit()));
            }
        }

        List<String> barcodes = c.barcodesOrEmpty().stream().map(String::trim).toList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < barcodes.size(); i++) {
            if (!seen.add(barcodes.get(i))) {
                violations.add(FieldViolation.of("barcodes[" + i + "]", "error.barcode.repeated", barcodes.get(i)));
            }
        }
        Map<String, String> taken = rows.barcodesTakenByOthers(company, List.copyOf(seen), selfId);
        for (int i = 0; i < barcodes.size(); i++) {
            String owner = taken.get(barcodes.get(i));
            if (owner != null) {
                violations.add(FieldViolation.of("barcodes[" + i + "]", "error.barcode.taken", barcodes.get(i), owner));
            }
        }

        Long category = null;
        if (c.category() != null && !c.category().isBlank()) {
            category = catalog.category(company, c.category())
                    .map(CategoryView::id)
                    .orElse(null);
            if (category == null) {
                violations.add(FieldViolation.of("category", "error.reference.unknown", "Category", c.category()));
            }
        }
        Long supplier = null;
        if (c.defaultSupplier() != null && !c.defaultSupplier().isBlank()) {
            Optional<PartnerView> partner = partners.find(company, c.defaultSupplier());
            if (partner.isEmpty()) {
                violations.add(FieldViolation.of(
                        "defaultSupplier", "error.reference.unknown", "Partner", c.defaultSupplier()));
            } else if (!partner.get().type().supplies()) {
                violations.add(FieldViolation.of("defaultSupplier", "error.partner.notSupplier", c.defaultSupplier()));
            } else {
                supplier = partner.get().id();
            }
        }
        if (c.type() == ItemType.SERVICE && Boolean.TRUE.equals(c.batchManaged())) {
            violations.add(FieldViolation.of("batchManaged", "error.item.serviceBatch"));
        }
        // Moves already costed one way cannot be re-read another way: the cost layers of FIFO and
        // specific-batch items exist only for moves posted under that method.
        CostMethod method = c.costMethod() == null ? CostMethod.MOVING_AVERAGE : c.costMethod();
        if (selfId != 0 && rows.costMethodOf(company, selfId) != method && rows.hasStockMoves(company, selfId)) {
            violations.add(FieldViolation.of("costMethod", "error.item.costMethodInUse"));
        }
        if (!violations.isEmpty()) {
            throw BusinessException.invalid(violations);
        }
        return new Resolved(new ItemRows.References(category, baseUnit, supplier), units, barcodes);
    }

    private static boolean priceChanged(ItemView a, ItemView b) {
        return !same(a.purchasePrice(), b.purchasePrice()) || !same(a.salePrice(), b.salePrice());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
