package org.openjxc.reporting;

import java.time.LocalDate;
import org.openjxc.reporting.internal.AgeingQueries;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 库龄分析: how long stock has been held, by receipt layer, in the brackets accountants use. */
@Service
public class StockAgeing {

    /** Upper ends of the age brackets in days; the last bracket is everything older. */
    public static final int[] BRACKETS = {30, 60, 90, 180, 365};

    private final AgeingQueries queries;

    StockAgeing(AgeingQueries queries) {
        this.queries = queries;
    }

    /** Oldest stock first, within the actor's warehouses; values only with {@code VIEW_COST}. */
    @Transactional(readOnly = true)
    public PageResult<AgeingStockRow> list(Actor actor, String warehouse, String item, PageQuery page) {
        var result = queries.ageing(actor.companyId(), actor.scope(), LocalDate.now(), BRACKETS, warehouse, item, page);
        return Actors.has(Permission.VIEW_COST)
                ? result
                : result.map(r -> new AgeingStockRow(
                        r.item(), r.itemName(), r.warehouse(), r.qty(), null, r.qtyByAge(), null, r.oldest()));
    }
}
