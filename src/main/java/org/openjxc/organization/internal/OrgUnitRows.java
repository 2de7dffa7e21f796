package org.openjxc.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.organization.OrgUnitView;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The org_unit table. */
@Repository
public class OrgUnitRows {

    private static final Map<String, String> SORTS = Map.of("code", "o.code", "name", "o.name");
    private static final String SELECT = """
            select o.id, o.code, o.name, p.code as parent, o.active, o.version
            from org_unit o left join org_unit p on p.company_id = o.company_id and p.id = o.parent_id""";

    private final JdbcClient jdbc;

    OrgUnitRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnitView> find(long companyId, String code) {
        return jdbc.sql(SELECT + " where o.company_id = ? and o.code = ?")
                .params(companyId, code)
                .query(OrgUnitView.class)
                .optional();
    }

    public Optional<Long> parentOf(long companyId, long id) {
        return jdbc.sql("select parent_id from org_unit where company_id = ? and id = ?")
                .params(companyId, id)
                .query((rs, n) -> (Long) rs.getObject(1, Long.class))
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    public long insert(long companyId, String code, String name, Long parentId, boolean active) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (company_id, code, name, parent_id, active) values (?, ?, ?, ?, ?)")
                .params(companyId, code, name, parentId, active)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long companyId, long id, String code, String name, Long parentId, boolean active) {
        jdbc.sql("""
                        update org_unit set code = ?, name = ?, parent_id = ?, active = ?, version = version + 1
                        where company_id = ? and id = ?""").params(code, name, parentId, active, companyId, id).update();
    }

    public int delete(long companyId, long id) {
        return jdbc.sql("delete from org_unit where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    public PageResult<OrgUnitView> list(long companyId, MasterDataQuery filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" where o.company_id = ?");
        List<Object> params = new ArrayList<>(List.of(companyId));
        if (SearchText.present(filter.q())) {
            where.append(" and (o.code ilike ? or o.name ilike ?)");
            params.add(SearchText.contains(filter.q()));
            params.add(SearchText.contains(filter.q()));
        }
        if (filter.active() != null) {
            where.append(" and o.active = ?");
            params.add(filter.active());
        }
        long total = jdbc.sql("select count(*) from org_unit o" + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(SELECT + where + page.orderBy(SORTS, "code", "o.id") + page.limitOffset())
                .params(params)
                .query(OrgUnitView.class)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }
}
