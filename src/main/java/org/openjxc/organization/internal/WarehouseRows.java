package org.openjxc.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.organization.BinView;
import org.openjxc.organization.WarehouseView;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The warehouse and bin tables. */
@Repository
public class WarehouseRows {

    private static final Map<String, String> SORTS = Map.of("code", "w.code", "name", "w.name", "orgUnit", "o.code");
    private static final String SELECT = """
            select w.id, w.code, w.name, o.code as org_unit, o.name as org_unit_name, w.address, w.active,
                   w.version, (select count(*) from bin b where b.company_id = w.company_id
                                                          and b.warehouse_id = w.id) as bins
            from warehouse w join org_unit o on o.company_id = w.company_id and o.id = w.org_unit_id""";
    private static final String SELECT_BIN = """
            select b.id, w.code as warehouse, b.code, b.name, b.counts_as_available, b.active, b.version
            from bin b join warehouse w on w.company_id = b.company_id and w.id = b.warehouse_id""";

    private final JdbcClient jdbc;

    WarehouseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Mapped by hand: every document looks its warehouse up, and mapping a record by its names
    // introspects it on each call and tries each two-word name as written before its column name.
    private static WarehouseView warehouse(ResultSet rs, int n) throws SQLException {
        return new WarehouseView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("org_unit"),
                rs.getString("org_unit_name"),
                rs.getString("address"),
                rs.getBoolean("active"),
                rs.getInt("version"),
                rs.getLong("bins"));
    }

    public Optional<WarehouseView> find(long companyId, String code) {
        return jdbc.sql(SELECT + " where w.company_id = ? and w.code = ?")
                .params(companyId, code)
                .query(WarehouseRows::warehouse)
                .optional();
    }

    public long insert(long companyId, String code, String name, long orgUnitId, String address, boolean active) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into warehouse (company_id, code, name, org_unit_id, address, active)
                        values (?, ?, ?, ?, ?, ?)""").params(companyId, code, name, orgUnitId, address, active).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(
            long companyId, long id, String code, String name, long orgUnitId, String address, boolean active) {
        jdbc.sql("""
                        update warehouse set code = ?, name = ?, org_unit_id = ?, address = ?, active = ?,
                               version = version + 1
                        where company_id = ? and id = ?""")
                .params(code, name, orgUnitId, address, active, companyId, id)
                .update();
    }

    public int delete(long companyId, long id) {
        return jdbc.sql("delete from warehouse where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    public PageResult<WarehouseView> list(
            long companyId, DataScope scope, MasterDataQuery filter, String orgUnit, PageQuery page) {
        StringBuilder where = new StringBuilder(" where w.company_id = ?" + scope.warehouseCondition("w.id"));
        List<Object> params = new ArrayList<>(List.of(companyId));
        if (SearchText.present(filter.q())) {
            where.append(" and (w.code ilike ? or w.name ilike ?)");
            params.add(SearchText.contains(filter.q()));
            params.add(SearchText.contains(filter.q()));
        }
        if (filter.active() != null) {
            where.append(" and w.active = ?");
            params.add(filter.active());
        }
        if (SearchText.present(orgUnit)) {
            where.append(" and o.code = ?");
            params.add(orgUnit.trim());
        }
        long total = jdbc.sql("select count(*) from warehouse w join org_unit o on o.company_id = w.company_id"
                        + " and o.id = w.org_unit_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(SELECT + where + page.orderBy(SORTS, "code", "w.id") + page.limitOffset())
                .params(params)
                .query(WarehouseRows::warehouse)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public Optional<BinView> findBin(long companyId, long warehouseId, String code) {
        return jdbc.sql(SELECT_BIN + " where b.company_id = ? and b.warehouse_id = ? and b.code = ?")
                .params(companyId, warehouseId, code)
                .query(BinView.class)
                .optional();
    }

    public long insertBin(
            long companyId, long warehouseId, String code, String name, boolean countsAsAvailable, boolean active) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into bin (company_id, warehouse_id, code, name, counts_as_available, active)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(companyId, warehouseId, code, name, countsAsAvailable, active)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateBin(
            long companyId, long id, String code, String name, boolean countsAsAvailable, boolean active) {
        jdbc.sql("""
                        update bin set code = ?, name = ?, counts_as_available = ?, active = ?, version = version + 1
                        where company_id = ? and id = ?""")
                .params(code, name, countsAsAvailable, active, companyId, id)
                .update();
    }

    public PageResult<BinView> bins(long companyId, long warehouseId, String q, PageQuery page) {
        StringBuilder where = new StringBuilder(" where b.company_id = ? and b.warehouse_id = ?");
        List<Object> params = new ArrayList<>(List.of(companyId, warehouseId));
        if (SearchText.present(q)) {
            where.append(" and (b.code ilike ? or b.name ilike ?)");
            params.add(SearchText.contains(q));
            params.add(SearchText.contains(q));
        }
        long total = jdbc.sql("select count(*) from bin b" + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(SELECT_BIN
                        + where
                        + page.orderBy(Map.of("code", "b.code"), "code", "b.id")
                        + page.limitOffset())
                .params(params)
                .query(BinView.class)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }
}
