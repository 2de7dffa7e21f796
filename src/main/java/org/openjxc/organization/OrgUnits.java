package org.openjxc.organization;

import java.util.HashSet;
import java.util.Set;
import org.openjxc.audit.AuditLog;
import org.openjxc.organization.internal.OrgUnitRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.References;
import org.openjxc.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The org unit tree (集团 → 公司 → 门店/分公司); the units are the data scopes of access control. */
@Service
public class OrgUnits {

    private static final String ENTITY = "OrgUnit";

    private final OrgUnitRows rows;
    private final AuditLog audit;

    OrgUnits(OrgUnitRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    @Transactional
    public OrgUnitView create(Actor actor, OrgUnitCommand command) {
        if (rows.find(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        Long parent = parentId(actor, command.parent());
        rows.insert(
                actor.companyId(),
                command.code(),
                command.name(),
                parent,
                command.active() == null || command.active());
        OrgUnitView created = get(actor, command.code());
        audit.record("CREATE", ENTITY, command.code(), null, created);
        return created;
    }

    @Transactional
    public OrgUnitView update(Actor actor, String code, OrgUnitCommand command) {
        OrgUnitView before = get(actor, code);
        Versions.check(ENTITY, code, command.version(), before.version());
        if (!command.code().equals(code)
                && rows.find(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        Long parent = parentId(actor, command.parent());
        refuseCycle(actor.companyId(), before.id(), parent);
        rows.update(
                actor.companyId(),
                before.id(),
                command.code(),
                command.name(),
                parent,
                command.active() == null ? before.active() : command.active());
        OrgUnitView after = get(actor, command.code());
        audit.record("UPDATE", ENTITY, code, before, after);
        return after;
    }

    @Transactional
    public void delete(Actor actor, String code) {
        OrgUnitView before = get(actor, code);
        References.deleting(ENTITY, code, () -> rows.delete(actor.companyId(), before.id()));
        audit.record("DELETE", ENTITY, code, before, null);
    }

    @Transactional(readOnly = true)
    public OrgUnitView get(Actor actor, String code) {
        return rows.find(actor.companyId(), code).orElseThrow(() -> BusinessException.notFound(ENTITY, code));
    }

    @Transactional(readOnly = true)
    public PageResult<OrgUnitView> list(Actor actor, MasterDataQuery filter, PageQuery page) {
        return rows.list(actor.companyId(), filter, page);
    }

    private Long parentId(Actor actor, String parentCode) {
        if (parentCode == null || parentCode.isBlank()) {
            return null;
        }
        return rows.find(actor.companyId(), parentCode)
                .map(OrgUnitView::id)
                .orElseThrow(() -> BusinessException.invalid("parent", "error.reference.unknown", ENTITY, parentCode));
    }

    /** A unit may not become its own ancestor: walk up from the new parent. */
    private void refuseCycle(long companyId, long self, Long newParent) {
        Set<Long> seen = new HashSet<>();
        for (Long at = newParent; at != null; at = rows.parentOf(companyId, at).orElse(null)) {
            if (at == self || !seen.add(at)) {
                throw BusinessException.invalid("parent", "error.tree.cycle");
            }
        }
    }
}
