package org.openjxc.production.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjxc.document.DocumentType;
import org.openjxc.document.PostingDocument;
import org.openjxc.document.PostingLine;
import org.openjxc.document.PostingPreparer;
import org.openjxc.inventory.Stock;
import org.openjxc.production.BomKind;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.Rounding;
import org.springframework.stereotype.Component;

/**
 * What production adds to a posting: kits and recipes exploded into their components, a production
 * order's BOMs fixed and its requirements to reserve, material issues checked against the BOM with
 * its tolerance, finished goods valued from what the order consumed, disassembled parts weighted by
 * their cost.
 */
@Component
class ProductionPreparer implements PostingPreparer {

    private final ProductionRows rows;
    private final BomRows boms;
    private final ProductionPlans plans;
    private final Stock stock;

    ProductionPreparer(ProductionRows rows, BomRows boms, ProductionPlans plans, Stock stock) {
        this.rows = rows;
        this.boms = boms;
        this.plans = plans;
        this.stock = stock;
    }

    @Override
    public PostingDocument prepare(PostingDocument d, boolean unposting) {
        return switch (d.type()) {
            case SALES_ORDER, SALES_DELIVERY, SALES_RETURN -> kits(d);
            case PRODUCTION_ORDER -> order(d, unposting);
            case PRODUCTION_ISSUE -> issue(d, unposting);
            case PRODUCTION_RECEIPT -> receipt(d, unposting);
            case DISASSEMBLY -> unposting ? d : disassembly(d);
            default -> d;
        };
    }

    // --- kits and recipes ---------------------------------------------------------------------------

    /** Kit and recipe lines move their components (a returned dish brings none back). */
    private PostingDocument kits(PostingDocument d) {
        Set<Long> kits = rows.kits(
                d.companyId(),
                d.lines().stream().map(PostingLine::itemId).distinct().toList());
        if (kits.isEmpty()) {
            return d;
        }
        List<PostingLine> lines = new ArrayList<>();
        for (PostingLine l : d.lines()) {
            if (!kits.contains(l.itemId())) {
                lines.add(l);
                continue;
            }
            Recipe recipe = kitRecipe(d, l.itemId());
            if (d.type() == DocumentType.SALES_RETURN && recipe.kind() == BomKind.RECIPE) {
                lines.add(l.withComponents(List.of()));
                continue;
            }
            Map<Long, BigDecimal> parts = new LinkedHashMap<>();
            explode(d, recipe, l.baseQty(), parts, 0);
            if (d.type() == DocumentType.SALES_RETURN) {
                // A batch comes back under its own number: such components are returned one by one.
                for (long batched : rows.batchManaged(d.companyId(), parts.keySet())) {
                    Map<Long, String[]> names = rows.itemNames(d.companyId(), List.of(l.itemId(), batched));
                    throw new BusinessException(
                            ErrorCode.INVALID_STATE,
                            "error.production.kitBatchReturn",
                            names.get(l.itemId())[0],
                            names.get(batched)[0]);
                }
            }
            List<PostingLine.Component> components = new ArrayList<>();
            parts.forEach((item, qty) -> components.add(new PostingLine.Component(l.line(), item, qty)));
            lines.add(l.withComponents(components));
        }
        return d.withLines(lines);
    }

    private Recipe kitRecipe(PostingDocument d, long itemId) {
        Recipe recipe =
                boms.valid(d.companyId(), List.of(itemId), d.date(), false).get(itemId);
        if (recipe == null) {
            String code = rows.itemNames(d.companyId(), List.of(itemId)).get(itemId)[0];
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.production.noKitBom", code, d.date())
                    .withFact("item", code);
        }
        return recipe;
    }

    /** A kit inside a kit is exploded in turn (cycles are refused when BOMs are saved). */
    private void explode(PostingDocument d, Recipe recipe, BigDecimal qty, Map<Long, BigDecimal> parts, int depth) {
        List<Long> items = recipe.components().stream().map(Recipe.Part::itemId).toList();
        Set<Long> nested = depth < 10 ? rows.kits(d.companyId(), items) : Set.of();
        for (Recipe.Part p : recipe.components()) {
            BigDecimal need = recipe.need(p, qty);
            if (nested.contains(p.itemId())) {
                explode(d, kitRecipe(d, p.itemId()), need, parts, depth + 1);
            } else {
                parts.merge(p.itemId(), need, BigDecimal::add);
            }
        }
    }

    // --- production orders --------------------------------------------------------------------------

    /** Posting fixes each line's BOM and hands the ledger the requirements to reserve. */
    private PostingDocument order(PostingDocument d, boolean unposting) {
        // Unposted, the order takes the BOMs valid on its date again; posted, it keeps these.
        rows.forgetBoms(d.companyId(), d.id());
        if (unposting) {
            return d;
        }
        ProductionPlans.Plan plan = plans.plan(d.companyId(), d.id());
        Map<Integer, Long> fixed = new HashMap<>();
        plan.recipes().forEach((line, recipe) -> fixed.put(line, recipe.id()));
        rows.fixBoms(d.companyId(), d.id(), fixed);
        List<PostingLine> lines = new ArrayList<>();
        for (PostingLine l : d.lines()) {
            lines.add(l.withComponents(plan.requirements().stream()
                    .filter(r -> r.orderLine() == l.line())
                    .map(r -> new PostingLine.Component(r.key(), r.itemId(), r.qty()))
                    .toList()));
        }
        return d.withLines(lines);
    }

    // --- material issues ----------------------------------------------------------------------------

    /**
     * An issue may take, with what the order's earlier issues took, at most what the BOM asks plus its
     * tolerance, and only what the BOM lists; beyond that it needs an authorised override. Each line
     * follows the order's requirement of its item, so that it uses up what the order reserved.
     */
    private PostingDocument issue(PostingDocument d, boolean unposting) {
        ProductionPlans.Plan plan = plans.plan(d.companyId(), d.sourceDocumentId());
        if (unposting
                && !rows.postedFollowers(d.companyId(), d.sourceDocumentId(), "PRODUCTION_RECEIPT", d.id())
                        .isEmpty()) {
            // Finished goods were valued with these materials: their receipts are unposted first.
            throw new BusinessException(
                    ErrorCode.INVALID_STATE,
                    "error.production.issueAbsorbed",
                    d.number(),
                    plan.order().number());
        }
        if (!unposting) {
            Map<Long, BigDecimal> total =
                    new HashMap<>(rows.issued(d.companyId(), plan.order().id(), d.id()));
            Map<Long, Integer> firstLine = new LinkedHashMap<>();
            for (PostingLine l : d.lines()) {
                total.merge(l.itemId(), l.baseQty(), BigDecimal::add);
                firstLine.putIfAbsent(l.itemId(), l.line());
            }
            Map<Long, String[]> names = rows.itemNames(d.companyId(), firstLine.keySet());
            List<FieldViolation> v = new ArrayList<>();
            BusinessException first = null;
            for (var e : firstLine.entrySet()) {
                long item = e.getKey();
                String field = "lines[" + (e.getValue() - 1) + "].qty";
                String code = names.get(item)[0];
                BigDecimal required = plan.required(item);
                if (required.signum() == 0) {
                    v.add(FieldViolation.of(
                            field,
                            "error.production.notOnBom",
                            code,
                            plan.order().number()));
                    first = first != null
                            ? first
                            : tolerance(
                                            "error.production.notOnBom",
                                            code,
                                            plan.order().number())
                                    .withFact("item", code);
                    continue;
                }
                BigDecimal allowed = allowed(plan, item, true);
                BigDecimal issued = total.get(item);
                if (issued.compareTo(allowed) > 0) {
                    Object[] args = {code, Rounding.plain(issued), Rounding.plain(required), Rounding.plain(allowed)};
                    v.add(FieldViolation.of(field, "error.production.overIssue", args));
                    first = first != null
                            ? first
                            : tolerance("error.production.overIssue", args)
                                    .withFact("item", code)
                                    .withFact("issued", Rounding.plain(issued))
                                    .withFact("required", Rounding.plain(required))
                                    .withFact("allowed", Rounding.plain(allowed));
                }
            }
            if (first != null && !overridden(d)) {
                throw first.withViolations(v);
            }
        }
        List<PostingLine> lines = new ArrayList<>();
        for (PostingLine l : d.lines()) {
            Integer key = plan.requirements().stream()
                    .filter(r -> r.itemId() == l.itemId())
                    .map(ProductionPlans.Requirement::key)
                    .findFirst()
                    .orElse(null);
            lines.add(l.withSourceLine(key));
        }
        return d.withLines(lines);
    }

    /** What the order's tolerances allow of an item: above (more) or below (less) what it requires. */
    private static BigDecimal allowed(ProductionPlans.Plan plan, long item, boolean above) {
        BigDecimal allowed = BigDecimal.ZERO;
        for (ProductionPlans.Requirement r : plan.requirements()) {
            if (r.itemId() == item) {
                BigDecimal margin =
                        r.qty().multiply(r.recipe().tolerancePercent().movePointLeft(2));
                allowed = allowed.add(above ? r.qty().add(margin) : r.qty().subtract(margin));
            }
        }
        return allowed.setScale(Rounding.QTY_SCALE, above ? RoundingMode.DOWN : RoundingMode.UP);
    }

    private static BusinessException tolerance(String key, Object... args) {
        return new BusinessException(ErrorCode.TOLERANCE_EXCEEDED, key, args);
    }

    /** Whether an authorised user overrode the tolerance for exactly these lines. */
    private boolean overridden(PostingDocument d) {
        List<ProductionRows.OrderLine> lines = d.lines().stream()
                .map(l -> new ProductionRows.OrderLine(l.line(), l.itemId(), l.baseQty()))
                .toList();
        return rows.override(d.companyId(), d.id())
                .map(granted -> granted.equals(ProductionRows.linesKey(lines)))
                .orElse(false);
    }

    // --- finished-goods receipts --------------------------------------------------------------------

    /**
     * Finished goods are valued at the materials issued to the order and not yet taken by its earlier
     * receipts (all of them when this receipt completes the order, else in proportion to the quantity
     * still to make), plus labour and overhead at the BOM's rates, less by-products at their stated
     * cost. Materials issued short of what the output needs (less the tolerance) need an override.
     */
    private PostingDocument receipt(PostingDocument d, boolean unposting) {
        if (unposting) {
            rows.deleteReceiptCost(d.companyId(), d.id());
            return d;
        }
        long orderId = d.sourceDocumentId();
        ProductionPlans.Plan plan = plans.plan(d.companyId(), orderId);
        Map<Integer, BigDecimal> before = rows.received(d.companyId(), orderId, d.id());
        Map<Integer, BigDecimal> now = new HashMap<>(before);
        List<FieldViolation> v = new ArrayList<>();
        BigDecimal mainQty = BigDecimal.ZERO;
        Map<Integer, BigDecimal> byProductCost = new HashMap<>();
        for (PostingLine l : d.lines()) {
            if (l.sourceLine() != null) {
                now.merge(l.sourceLine(), l.baseQty(), BigDecimal::add);
                mainQty = mainQty.add(l.baseQty());
                continue;
            }
            BigDecimal unitCost = plan.recipes().values().stream()
                    .flatMap(r -> r.byProducts().stream())
                    .filter(p -> p.itemId() == l.itemId())
                    .map(p -> p.unitCost() == null ? BigDecimal.ZERO : p.unitCost())
                    .findFirst()
                    .orElse(null);
            if (unitCost == null) {
                String code = rows.itemNames(d.companyId(), List.of(l.itemId())).get(l.itemId())[0];
                v.add(FieldViolation.of(
                        "lines[" + (l.line() - 1) + "].item",
                        "error.production.notOutput",
                        code,
                        plan.order().number()));
            } else {
                byProductCost.put(l.line(), unitCost);
            }
        }
        if (mainQty.signum() == 0) {
            v.add(FieldViolation.of(
                    "lines", "error.production.noOutput", plan.order().number()));
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        checkIssuedEnough(d, plan, now);

        BigDecimal issuedValue = stock.documentsValue(
                        d.companyId(), rows.postedFollowers(d.companyId(), orderId, "PRODUCTION_ISSUE", d.id()))
                .negate();
        BigDecimal remaining = issuedValue.subtract(rows.absorbed(d.companyId(), orderId, d.id()));
        BigDecimal planned =
                plan.lines().stream().map(ProductionRows.OrderLine::baseQty).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal receivedBefore = before.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal toMake = planned.subtract(receivedBefore);
        BigDecimal materials = mainQty.compareTo(toMake) >= 0
                ? remaining
                : Rounding.amount(remaining.multiply(mainQty).divide(toMake, 10, RoundingMode.HALF_UP));

        var rollUp = plans.rollUp(d.companyId(), d.warehouseId(), d.date());
        BigDecimal labour = BigDecimal.ZERO;
        BigDecimal overhead = BigDecimal.ZERO;
        BigDecimal byProducts = BigDecimal.ZERO;
        BigDecimal standard = BigDecimal.ZERO;
        Map<Integer, BigDecimal> weights = new LinkedHashMap<>();
        for (PostingLine l : d.lines()) {
            if (l.sourceLine() == null) {
                byProducts = byProducts.add(Rounding.amount(l.baseQty().multiply(byProductCost.get(l.line()))));
                continue;
            }
            Recipe recipe = plan.recipes().get(l.sourceLine());
            labour = labour.add(Rounding.amount(l.baseQty().multiply(recipe.labourRate())));
            overhead = overhead.add(Rounding.amount(l.baseQty().multiply(recipe.overheadRate())));
            BigDecimal lineStandard = Rounding.amount(l.baseQty().multiply(rollUp.unitCost(recipe, 0)));
            standard = standard.add(lineStandard);
            weights.put(l.line(), lineStandard);
        }
        BigDecimal mainValue = materials.add(labour).add(overhead).subtract(byProducts);
        if (mainValue.signum() < 0) {
            throw new BusinessException(
                    ErrorCode.INVALID_STATE, "error.production.negativeCost", d.number(), Rounding.plain(mainValue));
        }
        BigDecimal weightSum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<PostingLine> lines = new ArrayList<>();
        BigDecimal left = mainValue;
        int mainLeft = weights.size();
        for (PostingLine l : d.lines()) {
            BigDecimal value;
            if (l.sourceLine() == null) {
                value = Rounding.amount(l.baseQty().multiply(byProductCost.get(l.line())));
            } else if (--mainLeft == 0) {
                // The last product line takes what rounding left, so the lines add up exactly.
                value = left;
            } else {
                BigDecimal weight = weightSum.signum() > 0 ? weights.get(l.line()) : l.baseQty();
                BigDecimal sum = weightSum.signum() > 0 ? weightSum : mainQty;
                value = Rounding.amount(mainValue.multiply(weight).divide(sum, 10, RoundingMode.HALF_UP));
                left = left.subtract(value);
            }
            lines.add(l.withValue(value.divide(l.baseQty(), Rounding.COST_SCALE, RoundingMode.HALF_UP), value));
        }
        rows.saveReceiptCost(
                d.companyId(),
                orderId,
                new ProductionRows.ReceiptCost(
                        d.id(), d.number(), mainQty, materials, labour, overhead, byProducts, standard));
        return d.withLines(lines);
    }

    /** The order's issues must cover what its output so far needs, less the tolerance, unless overridden. */
    private void checkIssuedEnough(PostingDocument d, ProductionPlans.Plan plan, Map<Integer, BigDecimal> made) {
        Map<Long, BigDecimal> issued = rows.issued(d.companyId(), plan.order().id(), d.id());
        Map<Long, BigDecimal> needed = new LinkedHashMap<>();
        Map<Long, BigDecimal> least = new HashMap<>();
        for (ProductionPlans.Requirement r : plan.requirements()) {
            BigDecimal need = r.recipe().need(r.part(), made.getOrDefault(r.orderLine(), BigDecimal.ZERO));
            needed.merge(r.itemId(), need, BigDecimal::add);
            least.merge(
                    r.itemId(),
                    need.subtract(need.multiply(r.recipe().tolerancePercent().movePointLeft(2))),
                    BigDecimal::add);
        }
        List<FieldViolation> v = new ArrayList<>();
        BusinessException first = null;
        Map<Long, String[]> names = rows.itemNames(d.companyId(), needed.keySet());
        for (var e : needed.entrySet()) {
            BigDecimal got = issued.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (got.compareTo(least.get(e.getKey())) < 0) {
                Object[] args = {names.get(e.getKey())[0], Rounding.plain(got), Rounding.plain(e.getValue())};
                v.add(FieldViolation.of("lines", "error.production.underIssue", args));
                first = first != null
                        ? first
                        : tolerance("error.production.underIssue", args)
                                .withFact("item", args[0])
                                .withFact("issued", args[1])
                                .withFact("required", args[2]);
            }
        }
        if (first != null && !overridden(d)) {
            throw first.withViolations(v);
        }
    }

    // --- disassembly --------------------------------------------------------------------------------

    /** Parts share the value of what is taken apart by their current cost; both sides must be there. */
    private PostingDocument disassembly(PostingDocument d) {
        boolean taken = d.lines().stream().anyMatch(l -> l.baseQty().signum() < 0);
        boolean parts = d.lines().stream().anyMatch(l -> l.baseQty().signum() > 0);
        if (!taken || !parts) {
            throw BusinessException.invalid("lines", "error.production.disassemblyLines");
        }
        var rollUp = plans.rollUp(d.companyId(), d.warehouseId(), d.date());
        List<PostingLine> lines = new ArrayList<>();
        for (PostingLine l : d.lines()) {
            lines.add(l.baseQty().signum() > 0 ? l.withValue(rollUp.cost(l.itemId(), 0), null) : l);
        }
        return d.withLines(lines);
    }
}
