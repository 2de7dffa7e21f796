package org.openjxc.partner;

import java.util.function.Consumer;
import org.openjxc.audit.AuditLog;
import org.openjxc.partner.internal.PartnerRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.References;
import org.openjxc.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Suppliers and customers of the acting user's company. */
@Service
public class Partners {

    private static final String ENTITY = "Partner";

    private final PartnerRows rows;
    private final AuditLog audit;

    Partners(PartnerRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    @Transactional
    public PartnerView create(Actor actor, PartnerCommand command) {
        if (rows.find(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        rows.insert(actor.companyId(), command, command.active() == null || command.active());
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
        rows.update(
                actor.companyId(), before.id(), command, command.active() == null ? before.active() : command.active());
        PartnerView after = get(actor, command.code());
        audit.record("UPDATE", ENTITY, code, before, after);
        return after;
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

    @Transactional(readOnly = true)
    public PageResult<PartnerView> list(Actor actor, PartnerQuery query, PageQuery page) {
        return rows.list(actor.companyId(), query, page);
    }

    @Transactional(readOnly = true)
    public void forEach(Actor actor, PartnerQuery query, Consumer<PartnerView> sink) {
        rows.forEach(actor.companyId(), query, sink);
    }
}
