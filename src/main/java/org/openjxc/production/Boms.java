package org.openjxc.production;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.ItemType;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.Items;
import org.openjxc.organization.Warehouses;
import org.openjxc.production.internal.BomRows;
import org.openjxc.production.internal.ProductionPlans;
import org.openjxc.production.internal.Recipe;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.Rounding;
import org.openjxc.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills of materials: versions per item with validity dates that never overlap, checked when
 * saved (parent and component kinds, no item twice, no cycle through other BOMs), and their
 * multi-level explosion with standard costs. A version a posted production order used keeps its
 * lines and numbers; only its validity, activity and remark change.
 */
@Service
public class Boms {

    private static final String ENTITY = "Bom";
    private static final int DEFAULT_TOLERANCE = 5;

    private final BomRows rows;
    private final Items items;
    private final Warehouses warehouses;
    private final ProductionPlans plans;
    private final org.openjxc.production.internal.ProductionRows production;
    private final AuditLog audit;

    Boms(
            BomRows rows,
            Items items,
            Warehouses warehouses,
            ProductionPlans plans,
            org.openjxc.production.internal.ProductionRows production,
            AuditLog audit) {
        this.production = production;
        this.rows = rows;
        this.items = items;
        this.warehouses = warehouses;
        this.plans = plans;
        this.audit = audit;
    }

    @Transactional
    public BomView create(Actor actor, BomCommand c) {
        BomRows.NewBom bom = resolveHeader(actor, c);
        if (rows.find(actor.companyId(), c.item(), bom.version()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "version", bom.version());
        }
        List<BomRows.NewLine> lines = resolve(actor, c, bom, 0);
        long id = rows.insert(actor.companyId(), bom, lines, actor.userId());
        BomView created = get(actor, id);
        audit.record("CREATE", ENTITY, created.item() + "/" + created.version(), null, created);
        return created;
    }

    @Transactional
    public BomView update(Actor actor, long id, BomCommand c) {
        BomView before = get(actor, id);
        if (!before.item().equals(c.item())) {
            throw BusinessException.invalid("item", "error.bom.otherItem", before.item());
        }
        BomRows.NewBom bom = resolveHeader(actor, c);
        if (!before.version().equals(bom.version())
                && rows.find(actor.companyId(), c.item(), bom.version()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "version", bom.version());
        }
        List<BomRows.NewLine> lines = resolve(actor, c, bom, id);
        if (before.inUse() && changesWhatWasUsed(before, c, bom)) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.bom.inUse", before.item(), before.version());
        }
        rows.update(actor.companyId(), id, bom, lines);
        BomView after = get(actor, id);
        audit.record("UPDATE", ENTITY, after.item() + "/" + after.version(), before, after);
        return after;
    }

    @Transactional
    public void delete(Actor actor, long id) {
        BomView bom = get(actor, id);
        if (bom.inUse()) {
            throw new BusinessException(ErrorCode.REFERENCED, "error.bom.inUse", bom.item(), bom.version());
        }
        rows.delete(actor.companyId(), id);
        audit.record("DELETE", ENTITY, bom.item() + "/" + bom.version(), bom, null);
    }

    @Transactional(readOnly = true)
    public BomView get(Actor actor, long id) {
        return rows.find(actor.companyId(), id).orElseThrow(() -> BusinessException.notFound(ENTITY, id));
    }

    @Transactional(readOnly = true)
    public PageResult<BomView> list(Actor actor, String item, BomKind kind, PageQuery page) {
        return rows.list(actor.companyId(), item, kind, page);
    }

    /**
     * The multi-level explosion of {@code qty} base units (default: the BOM's output): every line,
     * and under a component with a BOM of its own valid today the lines of that BOM, with quantities
     * scaled and scrap included; costs as of now in the warehouse (any, when none is named).
     */
    @Transactional(readOnly = true)
    public List<ExplosionRow> explode(Actor actor, long id, BigDecimal qty, String warehouse) {
        BomView bom = get(actor, id);
        long warehouseId = warehouse == null || warehouse.isBlank()
                ? 0
                : warehouses.get(actor, warehouse).id();
        LocalDate today = LocalDate.now();
        Recipe recipe = rows.recipes(actor.companyId(), List.of(id)).get(id);
        var rollUp = plans.rollUp(actor.companyId(), warehouseId, today);
        boolean costs = Actors.has(Permission.VIEW_COST);
        List<ExplosionRow> out = new ArrayList<>();
        explode(actor, recipe, qty == null ? bom.outputQty() : qty, 1, rollUp, costs, today, out);
        return out;
    }

    private void explode(
            Actor actor,
            Recipe recipe,
            BigDecimal made,
            int level,
            ProductionPlans.RollUp rollUp,
            boolean costs,
            LocalDate today,
            List<ExplosionRow> out) {
        List<Long> ids = recipe.parts().stream().map(Recipe.Part::itemId).toList();
        Map<Long, String[]> names = production.itemNames(actor.companyId(), ids);
        Map<Long, Recipe> subs =
                level < 10 ? rows.valid(actor.companyId(), ids, today, recipe.kind() == BomKind.PRODUCTION) : Map.of();
        for (Recipe.Part p : recipe.parts()) {
            String[] item = names.get(p.itemId());
            BigDecimal need = recipe.need(p, made);
            BigDecimal unitCost = p.byProduct()
                    ? (p.unitCost() == null ? BigDecimal.ZERO : p.unitCost())
                    : rollUp.cost(p.itemId(), 0);
            Recipe sub = p.byProduct() ? null : subs.get(p.itemId());
            out.add(new ExplosionRow(
                    level,
                    item[0],
                    item[1],
                    item[2],
                    need,
                    p.scrapPercent(),
                    p.byProduct(),
                    sub == null ? null : sub.version(),
                    costs ? unitCost : null,
                    costs ? Rounding.amount(need.multiply(unitCost)) : null));
            if (sub != null) {
                explode(actor, sub, need, level + 1, rollUp, costs, today, out);
            }
        }
    }

    /** Standard cost per base unit of what the BOM makes, as of now (null without {@code VIEW_COST}). */
    @Transactional(readOnly = true)
    public BigDecimal standardUnitCost(Actor actor, long id, String warehouse) {
        if (!Actors.has(Permission.VIEW_COST)) {
            return null;
        }
        long warehouseId = warehouse == null || warehouse.isBlank()
                ? 0
                : warehouses.get(actor, warehouse).id();
        Recipe recipe = rows.recipes(actor.companyId(), List.of(id)).get(id);
        if (recipe == null) {
            throw BusinessException.notFound(ENTITY, id);
        }
        return plans.standardUnitCost(actor.companyId(), warehouseId, recipe, LocalDate.now());
    }

    private BomRows.NewBom resolveHeader(Actor actor, BomCommand c) {
        ItemView item = items.find(actor.companyId(), c.item())
                .orElseThrow(() -> BusinessException.invalid("item", "error.reference.unknown", "Item", c.item()));
        LocalDate from = c.validFrom() == null ? LocalDate.now() : c.validFrom();
        return new BomRows.NewBom(
                item.id(),
                c.version().trim(),
                c.kind(),
                c.outputQty() == null ? BigDecimal.ONE : c.outputQty(),
                from,
                c.validTo(),
                c.tolerancePercent() == null ? BigDecimal.valueOf(DEFAULT_TOLERANCE) : c.tolerancePercent(),
                c.labourRate() == null ? BigDecimal.ZERO : c.labourRate(),
                c.overheadRate() == null ? BigDecimal.ZERO : c.overheadRate(),
                c.active() == null || c.active(),
                Text.trimToNull(c.remark()));
    }

    /** Checks a BOM against the catalogue and the company's other BOMs; every problem is reported at once. */
    private List<BomRows.NewLine> resolve(Actor actor, BomCommand c, BomRows.NewBom bom, long exceptId) {
        List<FieldViolation> v = new ArrayList<>();
        ItemView parent = items.find(actor.companyId(), c.item()).orElseThrow();
        boolean production = c.kind() == BomKind.PRODUCTION;
        if (production ? parent.type() != ItemType.GOODS : parent.type() != ItemType.KIT) {
            v.add(FieldViolation.of(
                    "item", production ? "error.bom.productionParent" : "error.bom.kitParent", parent.code()));
        }
        if (bom.validTo() != null && bom.validTo().isBefore(bom.validFrom())) {
            v.add(FieldViolation.of("validTo", "error.bom.period"));
        }
        Map<String, ItemView> found = items.findAll(
                actor.companyId(),
                c.lines().stream().map(BomCommand.Line::item).distinct().toList());
        List<BomRows.NewLine> lines = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        boolean component = false;
        for (int i = 0; i < c.lines().size(); i++) {
            BomCommand.Line l = c.lines().get(i);
            String at = "lines[" + i + "].";
            ItemView item = found.get(l.item());
            if (item == null) {
                v.add(FieldViolation.of(at + "item", "error.reference.unknown", "Item", l.item()));
                continue;
            }
            boolean byProduct = Boolean.TRUE.equals(l.byProduct());
            if (item.id() == parent.id()) {
                v.add(FieldViolation.of(at + "item", "error.bom.self", item.code()));
            } else if (!seen.add(item.id())) {
                v.add(FieldViolation.of(at + "item", "error.bom.twice", item.code()));
            } else if (item.type() == ItemType.SERVICE || (item.type() == ItemType.KIT && (production || byProduct))) {
                v.add(FieldViolation.of(at + "item", "error.bom.componentType", item.code()));
            }
            if (byProduct && !production) {
                v.add(FieldViolation.of(at + "byProduct", "error.bom.byProductKind"));
            }
            if (!Rounding.isQty(l.qty())) {
                v.add(FieldViolation.of(at + "qty", "error.document.qtyScale"));
            }
            component |= !byProduct;
            lines.add(new BomRows.NewLine(
                    item.id(),
                    l.qty(),
                    l.scrapPercent() == null ? BigDecimal.ZERO : l.scrapPercent(),
                    byProduct,
                    byProduct ? (l.unitCost() == null ? BigDecimal.ZERO : l.unitCost()) : null));
        }
        if (!component) {
            v.add(FieldViolation.of("lines", "error.bom.noComponent"));
        }
        if (bom.active()) {
            rows.overlapping(actor.companyId(), parent.id(), production, bom.validFrom(), bom.validTo(), exceptId)
                    .ifPresent(other -> v.add(FieldViolation.of("validFrom", "error.bom.overlap", other)));
        }
        if (v.isEmpty() && cycle(actor, parent.id(), lines)) {
            v.add(FieldViolation.of("lines", "error.bom.cycle", parent.code()));
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        return lines;
    }

    /** Whether any component leads back to the parent through the company's BOMs. */
    private boolean cycle(Actor actor, long parent, List<BomRows.NewLine> lines) {
        Map<Long, List<Long>> edges = rows.edges(actor.companyId());
        ArrayDeque<Long> todo = new ArrayDeque<>();
        lines.stream().filter(l -> !l.byProduct()).forEach(l -> todo.add(l.itemId()));
        Set<Long> visited = new HashSet<>();
        while (!todo.isEmpty()) {
            long item = todo.poll();
            if (item == parent) {
                return true;
            }
            if (visited.add(item)) {
                todo.addAll(edges.getOrDefault(item, List.of()));
            }
        }
        return false;
    }

    private static boolean changesWhatWasUsed(BomView before, BomCommand c, BomRows.NewBom bom) {
        if (before.kind() != bom.kind()
                || before.outputQty().compareTo(bom.outputQty()) != 0
                || before.tolerancePercent().compareTo(bom.tolerancePercent()) != 0
                || before.labourRate().compareTo(bom.labourRate()) != 0
                || before.overheadRate().compareTo(bom.overheadRate()) != 0
                || !before.version().equals(bom.version())
                || before.lines().size() != c.lines().size()) {
            return true;
        }
        for (int i = 0; i < c.lines().size(); i++) {
            BomView.Line was = before.lines().get(i);
            BomCommand.Line now = c.lines().get(i);
            if (!was.item().equals(now.item())
                    || was.qty().compareTo(now.qty()) != 0
                    || was.scrapPercent().compareTo(now.scrapPercent() == null ? BigDecimal.ZERO : now.scrapPercent())
                            != 0
                    || was.byProduct() != Boolean.TRUE.equals(now.byProduct())) {
                return true;
            }
        }
        return false;
    }
}
