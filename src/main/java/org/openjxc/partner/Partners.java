package org.openjxc.partner;

import jakarta.validation.Validator;
import java.util.function.Consumer;
import org.openjxc.audit.AuditLog;
import org.openjxc.partner.internal.PartnerRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ImportProblems;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.ImportRow;
import org.openjxc.shared.ImportSource;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.References;
import org.openjxc.shared.RowByRowImport;
import org.openjxc.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Suppliers and customers of the acting user's company. */
@Service
public class Partners {

    private static final String ENTITY = "Partner";

    private final PartnerRows rows;
    private final AuditLog audit;
    private final Validator validator;

    Partners(PartnerRows rows, AuditLog audit, Validator validator) {
        this.rows = rows;
        this.audit = audit;
        this.validator = validator;
    }

    @Transactional
    public PartnerView create(Actor actor, PartnerCommand command) {
        if (rows.find(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        checkContacts(command);
        rows.insert(actor.companyId(), command, command.active() == null || command.active());
        if (command.contacts() != null) {
            long id = rows.find(actor.companyId(), command.code()).orElseThrow().id();
            rows.replaceContacts(actor.companyId(), id, command.contacts());
        }
        PartnerView created = get(actor, command.code());
        audit.record("CREATE", ENTITY, command.code(), null, created);
        return created;
    }

    @Transactional
    public PartnerView update(Actor actor, String code, PartnerCommand command) {
        PartnerView before = get(actor, code);
        Versions.check(ENTITY, code, command.version(), before.version());
        if (!command.code().equals(code)
                && rows.find(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        checkContacts(command);
        rows.update(
                actor.companyId(), before.id(), command, command.active() == null ? before.active() : command.active());
        if (command.contacts() != null) {
            rows.replaceContacts(actor.companyId(), before.id(), command.contacts());
        }
        PartnerView after = get(actor, command.code());
        audit.record("UPDATE", ENTITY, code, before, after);
        return after;
    }

    private static void checkContacts(PartnerCommand command) {
        if (command.contacts() != null
                && command.contacts().stream().filter(PartnerContact::primary).count() > 1) {
            throw BusinessException.invalid("contacts", "partners.onePrimaryContact");
        }
    }

    @Transactional
    public void delete(Actor actor, String code) {
        PartnerView before = get(actor, code);
        References.deleting(ENTITY, code, () -> rows.delete(actor.companyId(), before.id()));
        audit.record("DELETE", ENTITY, code, before, null);
    }

    @Transactional(readOnly = true)
    public PartnerView get(Actor actor, String code) {
        return rows.find(actor.companyId(), code).orElseThrow(() -> BusinessException.notFound(ENTITY, code));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<PartnerView> find(long companyId, String code) {
        return rows.find(companyId, code);
    }

    /** A partner by id, without its contacts: what a posting needs (terms, credit limit). */
    @Transactional(readOnly = true)
    public java.util.Optional<PartnerView> findById(long companyId, long id) {
        return rows.findById(companyId, id);
    }

    @Transactional(readOnly = true)
    public PageResult<PartnerView> list(Actor actor, PartnerQuery query, PageQuery page) {
        return rows.list(actor.companyId(), query, page);
    }

    /** Imports partners from a file through the same rules as the form: all rows or none. */
    @Transactional
    public ImportResult importPartners(Actor actor, ImportSource source, boolean dryRun) {
        var problems = new ImportProblems();
        int[] rows = {0};
        int applied = RowByRowImport.run(source, problems, validator, Partners::command, c -> create(actor, c), rows);
        if (problems.count() > 0 || dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new ImportResult(
                "partners",
                rows[0],
                problems.count() > 0 || dryRun ? 0 : applied,
                dryRun,
                problems.count(),
                problems.list());
    }

    static PartnerCommand command(ImportRow r, ImportProblems p) {
        return new PartnerCommand(
                p.required(r, "code"),
                p.required(r, "name"),
                p.enumValue(r, "type", PartnerType.class, PartnerType.CUSTOMER),
                r.get("region"),
                r.get("salesperson"),
                r.get("contact"),
                r.get("phone"),
                r.get("email"),
                r.get("address"),
                p.decimal(r, "creditLimit", 2, false),
                p.integer(r, "paymentTermsDays", 0, 3650),
                r.get("priceLevel"),
                r.get("taxNumber"),
                r.get("bankName"),
                r.get("bankAccount"),
                p.bool(r, "active", true),
                null);
    }

    @Transactional(readOnly = true)
    public void forEach(Actor actor, PartnerQuery query, Consumer<PartnerView> sink) {
        rows.forEach(actor.companyId(), query, sink);
    }
}
