package org.openjxc.organization;

import jakarta.validation.Validator;
import org.openjxc.audit.AuditLog;
import org.openjxc.organization.internal.OrgUnitRows;
import org.openjxc.organization.internal.WarehouseRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ImportProblems;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.ImportSource;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.References;
import org.openjxc.shared.RowByRowImport;
import org.openjxc.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Warehouses and their bins (货位). */
@Service
public class Warehouses {

    private static final String ENTITY = "Warehouse";

    private final WarehouseRows rows;
    private final OrgUnitRows orgUnits;
    private final AuditLog audit;
    private final Validator validator;
    private final org.springframework.context.ApplicationEventPublisher events;

    Warehouses(
            WarehouseRows rows,
            OrgUnitRows orgUnits,
            AuditLog audit,
            Validator validator,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.rows = rows;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.validator = validator;
    }

    @Transactional
    public WarehouseView create(Actor actor, WarehouseCommand command) {
        long orgUnit = orgUnitId(actor, command.orgUnit());
        if (rows.find(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        rows.insert(
                actor.companyId(),
                command.code(),
                command.name(),
                orgUnit,
                command.address(),
                command.active() == null || command.active());
        WarehouseView created = get(actor, command.code());
        audit.record("CREATE", ENTITY, command.code(), null, created);
        return created;
    }

    @Transactional
    public WarehouseView update(Actor actor, String code, WarehouseCommand command) {
        WarehouseView before = get(actor, code);
        Versions.check(ENTITY, code, command.version(), before.version());
        long orgUnit = orgUnitId(actor, command.orgUnit());
        if (!command.code().equals(code)
                && rows.find(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        rows.update(
                actor.companyId(),
                before.id(),
                command.code(),
                command.name(),
                orgUnit,
                command.address(),
                command.active() == null ? before.active() : command.active());
        WarehouseView after = get(actor, command.code());
        audit.record("UPDATE", ENTITY, code, before, after);
        return after;
    }

    @Transactional
    public void delete(Actor actor, String code) {
        WarehouseView before = get(actor, code);
        References.deleting(ENTITY, code, () -> rows.delete(actor.companyId(), before.id()));
        audit.record("DELETE", ENTITY, code, before, null);
    }

    /** A warehouse within the actor's data scope; any other answers 404 as if it did not exist. */
    @Transactional(readOnly = true)
    public WarehouseView get(Actor actor, String code) {
        return rows.find(actor.companyId(), code)
                .filter(w -> actor.scope().covers(w.id()))
                .orElseThrow(() -> BusinessException.notFound(ENTITY, code));
    }

    /**
     * Any warehouse of the company, in scope or not: the destination of a transfer, which a
     * store sends to without seeing the other store's data.
     */
    @Transactional(readOnly = true)
    public WarehouseView destination(Actor actor, String code) {
        return rows.find(actor.companyId(), code).orElseThrow(() -> BusinessException.notFound(ENTITY, code));
    }

    @Transactional(readOnly = true)
    public PageResult<WarehouseView> list(Actor actor, MasterDataQuery filter, String orgUnit, PageQuery page) {
        return rows.list(actor.companyId(), actor.scope(), filter, orgUnit, page);
    }

    @Transactional
    public BinView createBin(Actor actor, String warehouse, BinCommand command) {
        WarehouseView w = get(actor, warehouse);
        if (rows.findBin(actor.companyId(), w.id(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode("Bin", "code", command.code());
        }
        rows.insertBin(
                actor.companyId(),
                w.id(),
                command.code(),
                command.name(),
                command.countsAsAvailable() == null || command.countsAsAvailable(),
                command.active() == null || command.active());
        BinView created = bin(actor, warehouse, command.code());
        audit.record("CREATE", "Bin", warehouse + "/" + command.code(), null, created);
        return created;
    }

    @Transactional
    public BinView updateBin(Actor actor, String warehouse, String code, BinCommand command) {
        WarehouseView w = get(actor, warehouse);
        BinView before = bin(actor, warehouse, code);
        Versions.check("Bin", code, command.version(), before.version());
        if (!command.code().equals(code)
                && rows.findBin(actor.companyId(), w.id(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode("Bin", "code", command.code());
        }
        rows.updateBin(
                actor.companyId(),
                before.id(),
                command.code(),
                command.name(),
                command.countsAsAvailable() == null ? before.countsAsAvailable() : command.countsAsAvailable(),
                command.active() == null ? before.active() : command.active());
        BinView after = bin(actor, warehouse, command.code());
        if (after.countsAsAvailable() != before.countsAsAvailable()) {
            events.publishEvent(new BinCountingChanged(actor.companyId(), after.id(), after.countsAsAvailable()));
        }
        audit.record("UPDATE", "Bin", warehouse + "/" + code, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public BinView bin(Actor actor, String warehouse, String code) {
        WarehouseView w = get(actor, warehouse);
        return rows.findBin(actor.companyId(), w.id(), code)
                .orElseThrow(() -> BusinessException.notFound("Bin", warehouse + "/" + code));
    }

    /** A bin of a warehouse the caller already resolved (a transfer's destination may be out of scope). */
    @Transactional(readOnly = true)
    public BinView binOf(Actor actor, WarehouseView warehouse, String code) {
        return rows.findBin(actor.companyId(), warehouse.id(), code)
                .orElseThrow(() -> BusinessException.notFound("Bin", warehouse.code() + "/" + code));
    }

    @Transactional(readOnly = true)
    public PageResult<BinView> bins(Actor actor, String warehouse, String q, PageQuery page) {
        return rows.bins(actor.companyId(), get(actor, warehouse).id(), q, page);
    }

    /** Imports warehouses from a file through the same rules as the form: all rows or none. */
    @Transactional
    public ImportResult importWarehouses(Actor actor, ImportSource source, boolean dryRun) {
        var problems = new ImportProblems();
        int[] rows = {0};
        int applied = RowByRowImport.run(
                source,
                problems,
                validator,
                (r, p) -> new WarehouseCommand(
                        p.required(r, "code"),
                        p.required(r, "name"),
                        r.has("orgUnit") ? r.get("orgUnit") : "HQ",
                        r.get("address"),
                        p.bool(r, "active", true),
                        null),
                c -> create(actor, c),
                rows);
        return finish("warehouses", problems, rows[0], applied, dryRun);
    }

    /** Imports bins (column {@code warehouse} names each bin's warehouse): all rows or none. */
    @Transactional
    public ImportResult importBins(Actor actor, ImportSource source, boolean dryRun) {
        var problems = new ImportProblems();
        int[] rows = {0};
        record Row(
                String warehouse, @jakarta.validation.Valid BinCommand bin) {}
        int applied = RowByRowImport.run(
                source,
                problems,
                validator,
                (r, p) -> {
                    String warehouse = p.required(r, "warehouse");
                    var bin = new BinCommand(
                            p.required(r, "code"),
                            r.get("name"),
                            p.bool(r, "countsAsAvailable", true),
                            p.bool(r, "active", true),
                            null);
                    return warehouse == null ? null : new Row(warehouse, bin);
                },
                row -> createBin(actor, row.warehouse(), row.bin()),
                rows);
        return finish("bins", problems, rows[0], applied, dryRun);
    }

    private static ImportResult finish(
            String resource, ImportProblems problems, int rows, int applied, boolean dryRun) {
        if (problems.count() > 0 || dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new ImportResult(
                resource,
                rows,
                problems.count() > 0 || dryRun ? 0 : applied,
                dryRun,
                problems.count(),
                problems.list());
    }

    private long orgUnitId(Actor actor, String code) {
        return orgUnits.find(actor.companyId(), code)
                .map(OrgUnitView::id)
                .orElseThrow(() -> BusinessException.invalid("orgUnit", "error.reference.unknown", "OrgUnit", code));
    }
}
