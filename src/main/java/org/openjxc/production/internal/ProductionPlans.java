package org.openjxc.production.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjxc.inventory.Stock;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.springframework.stereotype.Component;

/** A production order's plan: the BOM of each line and what the order needs of each component. */
@Component
public class ProductionPlans {

    /** What one order line needs of one component, numbered across the order (the reservation's line). */
    public record Requirement(int key, int orderLine, long itemId, BigDecimal qty, Recipe recipe, Recipe.Part part) {}

    public record Plan(
            ProductionRows.Order order,
            List<ProductionRows.OrderLine> lines,
            Map<Integer, Recipe> recipes,
            List<Requirement> requirements) {

        /** What the order needs of an item in all, and how much more its tolerances allow. */
        public BigDecimal required(long itemId) {
            return requirements.stream()
                    .filter(r -> r.itemId() == itemId)
                    .map(Requirement::qty)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public ProductionRows.OrderLine line(int line) {
            return lines.stream().filter(l -> l.line() == line).findFirst().orElse(null);
        }
    }

    private final ProductionRows rows;
    private final BomRows boms;
    private final Stock stock;

    ProductionPlans(ProductionRows rows, BomRows boms, Stock stock) {
        this.rows = rows;
        this.boms = boms;
        this.stock = stock;
    }

    /**
     * The order's plan: the BOM each line was posted with or, before it is posted, the one valid on
     * the order's date. A line without a BOM is refused.
     */
    public Plan plan(long companyId, long orderId) {
        ProductionRows.Order order =
                rows.order(companyId, orderId).orElseThrow(() -> BusinessException.notFound("Document", orderId));
        List<ProductionRows.OrderLine> lines = rows.lines(companyId, orderId);
        Map<Integer, Long> fixed = rows.fixedBoms(companyId, orderId);
        Map<Long, Recipe> byId = boms.recipes(companyId, fixed.values());
        Set<Long> unfixed = new HashSet<>();
        lines.stream().filter(l -> !fixed.containsKey(l.line())).forEach(l -> unfixed.add(l.itemId()));
        Map<Long, Recipe> valid = boms.valid(companyId, unfixed, order.date(), true);
        Map<Integer, Recipe> recipes = new HashMap<>();
        for (ProductionRows.OrderLine l : lines) {
            Recipe r = fixed.containsKey(l.line()) ? byId.get(fixed.get(l.line())) : valid.get(l.itemId());
            if (r == null) {
                String[] names = rows.itemNames(companyId, List.of(l.itemId())).get(l.itemId());
                throw new BusinessException(ErrorCode.INVALID_STATE, "error.production.noBom", names[0], order.date())
                        .withFact("item", names[0]);
            }
            recipes.put(l.line(), r);
        }
        List<Requirement> requirements = new ArrayList<>();
        for (ProductionRows.OrderLine l : lines) {
            Recipe r = recipes.get(l.line());
            for (Recipe.Part p : r.components()) {
                requirements.add(
                        new Requirement(requirements.size() + 1, l.line(), p.itemId(), r.need(p, l.baseQty()), r, p));
            }
        }
        return new Plan(order, lines, recipes, requirements);
    }

    /**
     * Standard cost per base unit of what a BOM makes: its components at their current cost (an item
     * with a production BOM of its own and no stock rolled up from that BOM), plus labour and overhead,
     * less its by-products at their stated cost.
     */
    public BigDecimal standardUnitCost(long companyId, long warehouseId, Recipe recipe, java.time.LocalDate day) {
        return new RollUp(companyId, warehouseId, day).unitCost(recipe, 0);
    }

    /** Current unit cost of items, by the same rule as the standard cost. */
    public RollUp rollUp(long companyId, long warehouseId, java.time.LocalDate day) {
        return new RollUp(companyId, warehouseId, day);
    }

    /** Costs of one roll-up, each item looked up once. */
    public final class RollUp {
        private final long companyId;
        private final long warehouseId;
        private final java.time.LocalDate day;
        private final Map<Long, BigDecimal> costs = new HashMap<>();
        private final Map<Long, BigDecimal> prices = new HashMap<>();
        private final Set<Long> loaded = new HashSet<>();

        RollUp(long companyId, long warehouseId, java.time.LocalDate day) {
            this.companyId = companyId;
            this.warehouseId = warehouseId;
            this.day = day;
        }

        public BigDecimal unitCost(Recipe recipe, int depth) {
            List<Long> items =
                    recipe.components().stream().map(Recipe.Part::itemId).toList();
            load(items);
            BigDecimal total = recipe.labourRate().add(recipe.overheadRate());
            for (Recipe.Part p : recipe.parts()) {
                BigDecimal each = p.byProduct()
                        ? (p.unitCost() == null ? BigDecimal.ZERO : p.unitCost()).negate()
                        : cost(p.itemId(), depth);
                total = total.add(recipe.perUnit(p).multiply(each));
            }
            return total.setScale(6, java.math.RoundingMode.HALF_UP);
        }

        /** An item's current cost; one with no stock and a BOM is rolled up (never deeper than ten levels). */
        public BigDecimal cost(long itemId, int depth) {
            load(List.of(itemId));
            BigDecimal known = costs.get(itemId);
            if (known != null) {
                return known;
            }
            Recipe own = depth < 10
                    ? boms.valid(companyId, List.of(itemId), day, true).get(itemId)
                    : null;
            BigDecimal cost = own != null ? unitCost(own, depth + 1) : prices.getOrDefault(itemId, BigDecimal.ZERO);
            costs.put(itemId, cost);
            return cost;
        }

        private void load(List<Long> items) {
            List<Long> missing = items.stream().filter(loaded::add).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            // Stock first; an item without stock is rolled up from its BOM or, lacking one, at its purchase price.
            costs.putAll(stock.unitCosts(companyId, warehouseId, missing));
            prices.putAll(rows.purchasePrices(companyId, missing));
        }
    }
}
