package org.openjxc.counting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.AbcClass;
import org.openjxc.catalog.Items;
import org.openjxc.counting.internal.PlanRows;
import org.openjxc.organization.WarehouseView;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ABC(D) classification by consumption value and the cycle-count plans built on it: A items are
 * the few that carry most of the value and are counted most often, D items did not move.
 */
@Service
public class CountPlans {

    /** Cumulative shares of the year's consumption value that make A and B. */
    static final BigDecimal A_SHARE = new BigDecimal("0.80");

    static final BigDecimal B_SHARE = new BigDecimal("0.95");

    private final PlanRows rows;
    private final StockCounts counts;
    private final Warehouses warehouses;
    private final Items items;
    private final AuditLog audit;

    CountPlans(PlanRows rows, StockCounts counts, Warehouses warehouses, Items items, AuditLog audit) {
        this.rows = rows;
        this.counts = counts;
        this.warehouses = warehouses;
        this.items = items;
        this.audit = audit;
    }

    /**
     * Classifies every active item by what it consumed in the last 365 days (deliveries net of
     * returns and other issues, at cost): A up to 80% of the total value, B up to 95%, C the rest
     * that moved, D what did not move at all.
     */
    @Transactional
    public Map<AbcClass, Integer> classify(Actor actor) {
        List<PlanRows.Consumption> consumption =
                rows.consumption(actor.companyId(), OffsetDateTime.now().minusDays(365));
        BigDecimal total = consumption.stream()
                .map(PlanRows.Consumption::value)
                .filter(v -> v.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<AbcClass, List<Long>> classes = new EnumMap<>(AbcClass.class);
        for (AbcClass c : AbcClass.values()) {
            classes.put(c, new ArrayList<>());
        }
        BigDecimal running = BigDecimal.ZERO;
        // Sorted by value, largest first: the running share decides the class.
        for (PlanRows.Consumption c : consumption) {
            if (c.value().signum() <= 0 || total.signum() == 0) {
                classes.get(AbcClass.D).add(c.itemId());
                continue;
            }
            BigDecimal before = running.divide(total, 6, java.math.RoundingMode.HALF_UP);
            running = running.add(c.value());
            classes.get(
                            before.compareTo(A_SHARE) < 0
                                    ? AbcClass.A
                                    : before.compareTo(B_SHARE) < 0 ? AbcClass.B : AbcClass.C)
                    .add(c.itemId());
        }
        return items.classify(actor, classes);
    }

    @Transactional(readOnly = true)
    public List<CountPlanView> list(Actor actor) {
        return rows.list(actor.companyId(), actor.scope());
    }

    /** Creates or changes the plan of a warehouse and class; a new plan is due today. */
    @Transactional
    public CountPlanView save(Actor actor, CountPlanCommand c) {
        WarehouseView warehouse;
        try {
            warehouse = warehouses.get(actor, c.warehouse());
        } catch (BusinessException notFound) {
            throw BusinessException.invalid("warehouse", "error.reference.unknown", "Warehouse", c.warehouse());
        }
        long id = rows.upsert(
                actor.companyId(),
                warehouse.id(),
                c.abcClass().name(),
                c.samplePercent(),
                c.everyDays(),
                c.blind() == null || c.blind(),
                c.tolerancePercent() == null ? BigDecimal.ZERO : c.tolerancePercent(),
                c.active() == null || c.active(),
                LocalDate.now(),
                actor.userId());
        CountPlanView saved = rows.find(actor.companyId(), id).orElseThrow();
        audit.record("SAVE", "CountPlan", warehouse.code() + "/" + c.abcClass(), null, saved);
        return saved;
    }

    /** Turns every due plan in the actor's scope into a cycle count; returns the counts made. */
    @Transactional
    public List<CountView> runDue(Actor actor, LocalDate today) {
        List<CountView> made = new ArrayList<>();
        for (CountPlanView plan : rows.due(actor.companyId(), actor.scope(), today)) {
            CountView count = counts.create(
                    actor,
                    new CountCommand(
                            plan.warehouse(),
                            CountKind.CYCLE,
                            AbcClass.valueOf(plan.abcClass()),
                            plan.samplePercent(),
                            null,
                            null,
                            null,
                            null,
                            plan.blind(),
                            false,
                            plan.tolerancePercent(),
                            null));
            rows.scheduled(actor.companyId(), plan.id(), today.plusDays(plan.everyDays()));
            made.add(count);
        }
        return made;
    }
}
