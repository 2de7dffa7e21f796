package org.openjxc.catalog;

import java.util.List;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.internal.CatalogRows;
import org.openjxc.organization.CompanyCreated;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Units of measure. A new company starts with the units most traders use. */
@Service
public class Units {

    /** Seeded for every new company: code and Chinese name. */
    static final List<List<String>> DEFAULTS = List.of(
            List.of("pcs", "个"),
            List.of("piece", "件"),
            List.of("box", "箱"),
            List.of("bottle", "瓶"),
            List.of("pack", "包"),
            List.of("bag", "袋"),
            List.of("can", "罐"),
            List.of("set", "套"),
            List.of("kg", "千克"),
            List.of("g", "克"),
            List.of("t", "吨"),
            List.of("l", "升"),
            List.of("ml", "毫升"),
            List.of("m", "米"));

    private final CatalogRows rows;
    private final AuditLog audit;

    private record Key(long companyId, String code) {}

    private final java.util.Map<Key, UnitView> found = new java.util.concurrent.ConcurrentHashMap<>();

    Units(CatalogRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    @EventListener
    void seed(CompanyCreated event) {
        for (List<String> unit : DEFAULTS) {
            rows.insertUnit(event.companyId(), unit.get(0), unit.get(1));
        }
    }

    @Transactional(readOnly = true)
    public List<UnitView> list(Actor actor) {
        return rows.units(actor.companyId());
    }

    /**
     * A unit by code. Units are never changed or deleted once made, so one found is remembered for
     * good (every document line names one); one not found is asked again.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<UnitView> find(long companyId, String code) {
        var key = new Key(companyId, code);
        UnitView known = found.get(key);
        if (known != null) {
            return java.util.Optional.of(known);
        }
        var unit = rows.unit(companyId, code);
        if (unit.isPresent()) {
            if (found.size() >= 10_000) {
                found.clear();
            }
            found.put(key, unit.get());
        }
        return unit;
    }

    @Transactional
    public UnitView create(Actor actor, UnitCommand command) {
        if (rows.unit(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode("Unit", "code", command.code());
        }
        rows.insertUnit(actor.companyId(), command.code(), command.name());
        UnitView created = rows.unit(actor.companyId(), command.code()).orElseThrow();
        audit.record("CREATE", "Unit", command.code(), null, created);
        return created;
    }
}
