package org.openjxc.production.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.FollowingLines;
import org.openjxc.document.LineCommand;
import org.openjxc.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * A material issue starts with what its production order still needs of each component; a
 * finished-goods receipt with what is still to make and the by-products that go with it.
 */
@Component
class ProductionFollowingLines implements FollowingLines {

    private final ProductionPlans plans;
    private final ProductionRows rows;

    ProductionFollowingLines(ProductionPlans plans, ProductionRows rows) {
        this.plans = plans;
        this.rows = rows;
    }

    @Override
    public Optional<List<LineCommand>> linesFollowing(Actor actor, DocumentType type, DocumentView source) {
        if (source.type() != DocumentType.PRODUCTION_ORDER
                || (type != DocumentType.PRODUCTION_ISSUE && type != DocumentType.PRODUCTION_RECEIPT)) {
            return Optional.empty();
        }
        ProductionPlans.Plan plan = plans.plan(actor.companyId(), source.id());
        List<LineCommand> lines = new ArrayList<>();
        if (type == DocumentType.PRODUCTION_ISSUE) {
            Map<Long, BigDecimal> left = new HashMap<>(rows.issued(actor.companyId(), source.id(), -1));
            Map<Long, BigDecimal> open = new java.util.LinkedHashMap<>();
            for (ProductionPlans.Requirement r : plan.requirements()) {
                BigDecimal issued = left.getOrDefault(r.itemId(), BigDecimal.ZERO);
                BigDecimal counted = issued.min(r.qty());
                left.put(r.itemId(), issued.subtract(counted));
                open.merge(r.itemId(), r.qty().subtract(counted), BigDecimal::add);
            }
            Map<Long, String[]> names = rows.itemNames(actor.companyId(), open.keySet());
            open.forEach((item, qty) -> {
                if (qty.signum() > 0) {
                    lines.add(line(names.get(item)[0], qty, null));
                }
            });
            return Optional.of(lines);
        }
        Map<Integer, BigDecimal> received = rows.received(actor.companyId(), source.id(), -1);
        List<Long> ids = new ArrayList<>();
        plan.lines().forEach(l -> ids.add(l.itemId()));
        plan.recipes().values().forEach(r -> r.byProducts().forEach(p -> ids.add(p.itemId())));
        Map<Long, String[]> names = rows.itemNames(actor.companyId(), ids);
        Map<Long, BigDecimal> byProducts = new java.util.LinkedHashMap<>();
        for (ProductionRows.OrderLine l : plan.lines()) {
            BigDecimal open = l.baseQty().subtract(received.getOrDefault(l.line(), BigDecimal.ZERO));
            if (open.signum() <= 0) {
                continue;
            }
            lines.add(line(names.get(l.itemId())[0], open, l.line()));
            Recipe recipe = plan.recipes().get(l.line());
            recipe.byProducts().forEach(p -> byProducts.merge(p.itemId(), recipe.need(p, open), BigDecimal::add));
        }
        byProducts.forEach((item, qty) -> lines.add(line(names.get(item)[0], qty, null)));
        return Optional.of(lines);
    }

    private static LineCommand line(String item, BigDecimal qty, Integer sourceLine) {
        return new LineCommand(item, qty, null, null, null, null, null, null, null, null, null, null, null, sourceLine);
    }
}
