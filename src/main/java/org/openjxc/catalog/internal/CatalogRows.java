package org.openjxc.catalog.internal;

import java.util.List;
import java.util.Optional;
import org.openjxc.catalog.CategoryView;
import org.openjxc.catalog.UnitView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Units of measure and item categories: short lists every item form needs. */
@Repository
public class CatalogRows {

    private static final String SELECT_CATEGORY = """
            select c.id, c.code, c.name, p.code as parent, c.version from item_category c
            left join item_category p on p.company_id = c.company_id and p.id = c.parent_id""";

    private final JdbcClient jdbc;

    CatalogRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UnitView> units(long companyId) {
        return jdbc.sql("select id, code, name from unit where company_id = ? order by code")
                .param(companyId)
                .query(UnitView.class)
                .list();
    }

    public Optional<UnitView> unit(long companyId, String code) {
        return jdbc.sql("select id, code, name from unit where company_id = ? and code = ?")
                .params(companyId, code)
                .query(UnitView.class)
                .optional();
    }

    public void insertUnit(long companyId, String code, String name) {
        jdbc.sql("insert into unit (company_id, code, name) values (?, ?, ?)")
                .params(companyId, code, name)
                .update();
    }

    public List<CategoryView> categories(long companyId) {
        return jdbc.sql(SELECT_CATEGORY + " where c.company_id = ? order by c.code")
                .param(companyId)
                .query(CategoryView.class)
                .list();
    }

    public Optional<CategoryView> category(long companyId, String code) {
        return jdbc.sql(SELECT_CATEGORY + " where c.company_id = ? and c.code = ?")
                .params(companyId, code)
                .query(CategoryView.class)
                .optional();
    }

    /** The category and all categories below it. */
    public List<Long> categoryAndDescendants(long companyId, long categoryId) {
        return jdbc.sql("""
                        with recursive tree (id) as (
                            select id from item_category where company_id = ? and id = ?
                            union all
                            select c.id from item_category c join tree t on c.parent_id = t.id
                            where c.company_id = ?)
                        select id from tree""")
                .params(companyId, categoryId, companyId)
                .query(Long.class)
                .list();
    }

    public Optional<Long> categoryParent(long companyId, long id) {
        return jdbc.sql("select parent_id from item_category where company_id = ? and id = ?")
                .params(companyId, id)
                .query((rs, n) -> (Long) rs.getObject(1, Long.class))
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    public long insertCategory(long companyId, String code, String name, Long parentId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into item_category (company_id, code, name, parent_id) values (?, ?, ?, ?)")
                .params(companyId, code, name, parentId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateCategory(long companyId, long id, String code, String name, Long parentId) {
        jdbc.sql("""
                        update item_category set code = ?, name = ?, parent_id = ?, version = version + 1
                        where company_id = ? and id = ?""").params(code, name, parentId, companyId, id).update();
    }

    public int deleteCategory(long companyId, long id) {
        return jdbc.sql("delete from item_category where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }
}
