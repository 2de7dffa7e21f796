package org.openjxc.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.internal.CatalogRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.References;
import org.openjxc.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The item category tree. */
@Service
public class Categories {

    private static final String ENTITY = "Category";

    private final CatalogRows rows;
    private final AuditLog audit;

    Categories(CatalogRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<CategoryView> list(Actor actor) {
        return rows.categories(actor.companyId());
    }

    @Transactional(readOnly = true)
    public CategoryView get(Actor actor, String code) {
        return rows.category(actor.companyId(), code).orElseThrow(() -> BusinessException.notFound(ENTITY, code));
    }

    @Transactional
    public CategoryView create(Actor actor, CategoryCommand command) {
        if (rows.category(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        rows.insertCategory(actor.companyId(), command.code(), command.name(), parentId(actor, command.parent()));
        CategoryView created = get(actor, command.code());
        audit.record("CREATE", ENTITY, command.code(), null, created);
        return created;
    }

    @Transactional
    public CategoryView update(Actor actor, String code, CategoryCommand command) {
        CategoryView before = get(actor, code);
        Versions.check(ENTITY, code, command.version(), before.version());
        if (!command.code().equals(code)
                && rows.category(actor.companyId(), command.code()).isPresent()) {
            throw BusinessException.duplicateCode(ENTITY, "code", command.code());
        }
        Long parent = parentId(actor, command.parent());
        Set<Long> seen = new HashSet<>();
        for (Long at = parent;
                at != null;
                at = rows.categoryParent(actor.companyId(), at).orElse(null)) {
            if (at == before.id() || !seen.add(at)) {
                throw BusinessException.invalid("parent", "error.tree.cycle");
            }
        }
        rows.updateCategory(actor.companyId(), before.id(), command.code(), command.name(), parent);
        CategoryView after = get(actor, command.code());
        audit.record("UPDATE", ENTITY, code, before, after);
        return after;
    }

    @Transactional
    public void delete(Actor actor, String code) {
        CategoryView before = get(actor, code);
        References.deleting(ENTITY, code, () -> rows.deleteCategory(actor.companyId(), before.id()));
        audit.record("DELETE", ENTITY, code, before, null);
    }

    private Long parentId(Actor actor, String parent) {
        if (parent == null || parent.isBlank()) {
            return null;
        }
        return rows.category(actor.companyId(), parent)
                .map(CategoryView::id)
                .orElseThrow(() -> BusinessException.invalid("parent", "error.reference.unknown", ENTITY, parent));
    }
}
