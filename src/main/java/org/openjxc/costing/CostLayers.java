package org.openjxc.costing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjxc.catalog.CostMethod;
import org.openjxc.costing.internal.CostLayerQueries;
import org.openjxc.costing.internal.CostLayerRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cost layers: the book a posting works with, the open layers users look at, and their check. */
@Service
public class CostLayers {

    private final CostLayerRows rows;
    private final CostLayerQueries queries;

    CostLayers(CostLayerRows rows, CostLayerQueries queries) {
        this.rows = rows;
        this.queries = queries;
    }

    /**
     * A book for one posting over these items (with their cost methods) and warehouses, of a
     * document dated {@code date} (the date of the layers it opens).
     */
    public LayerBook book(
            long companyId, Map<Long, CostMethod> methods, Collection<Long> warehouseIds, java.time.LocalDate date) {
        return new LayerBook(rows, companyId, methods, warehouseIds, date);
    }

    /** Open layers, oldest first, within the caller's warehouses. */
    @Transactional(readOnly = true)
    public PageResult<CostLayerView> open(Actor actor, String item, String warehouse, PageQuery page) {
        return queries.open(actor.companyId(), actor.scope(), item, warehouse, page);
    }

    /** Items and warehouses whose layers disagree with the stock totals; empty when all is well. */
    @Transactional(readOnly = true)
    public List<LayerMismatch> mismatches(long companyId) {
        return rows.mismatches(companyId);
    }
}
