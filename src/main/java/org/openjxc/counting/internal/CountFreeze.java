package org.openjxc.counting.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openjxc.document.DocumentPoster;
import org.openjxc.document.DocumentType;
import org.openjxc.document.PostingDocument;
import org.openjxc.document.PostingLine;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Holds postings into the bins of an open count that was created with {@code freeze}: the
 * count then compares with books that did not move. Most companies have no frozen count most of
 * the time, so "none in this company" is remembered for a second instead of asked on every
 * posting; a freeze started on another server takes effect within that second.
 */
@Component
@Order(-5)
public class CountFreeze implements DocumentPoster {

    private static final long REMEMBER_NANOS = 1_000_000_000L;

    private final CountRows rows;
    private final Map<Long, Long> noneSince = new ConcurrentHashMap<>();

    CountFreeze(CountRows rows) {
        this.rows = rows;
    }

    /** Called when a count with freeze opens or closes here, so this server sees it at once. */
    public void changed(long companyId) {
        noneSince.remove(companyId);
    }

    @Override
    public void post(PostingDocument d) {
        check(d);
    }

    @Override
    public void unpost(PostingDocument d) {
        check(d);
    }

    private void check(PostingDocument d) {
        if (d.type() == DocumentType.COUNT_ADJUSTMENT || d.type().direction() == DocumentType.Direction.ORDER) {
            return;
        }
        Long since = noneSince.get(d.companyId());
        if (since != null && System.nanoTime() - since < REMEMBER_NANOS) {
            return;
        }
        if (!rows.anyFrozen(d.companyId())) {
            noneSince.put(d.companyId(), System.nanoTime());
            return;
        }
        Set<Long> warehouses = new HashSet<>();
        warehouses.add(d.warehouseId());
        if (d.toWarehouseId() != null) {
            warehouses.add(d.toWarehouseId());
        }
        List<CountRows.FrozenBin> frozen = rows.frozen(d.companyId(), warehouses);
        for (CountRows.FrozenBin f : frozen) {
            for (PostingLine l : d.lines()) {
                boolean from = f.warehouseId() == d.warehouseId() && (l.binId() == 0 || l.binId() == f.binId());
                boolean into = d.toWarehouseId() != null
                        && f.warehouseId() == d.toWarehouseId()
                        && (l.toBinId() == 0 || l.toBinId() == f.binId());
                if (from || into) {
                    throw new BusinessException(ErrorCode.INVALID_STATE, "error.count.frozen", d.number(), f.count());
                }
            }
        }
    }
}
