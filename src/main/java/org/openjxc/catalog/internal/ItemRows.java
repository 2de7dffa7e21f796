package org.openjxc.catalog.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.openjxc.catalog.AbcClass;
import org.openjxc.catalog.CostMethod;
import org.openjxc.catalog.ItemCommand;
import org.openjxc.catalog.ItemQuery;
import org.openjxc.catalog.ItemType;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.UnitFactor;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.SearchText;
import org.openjxc.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The item table with its units and barcodes. Units and barcodes come back in the same query as
 * arrays, so a page of items is one statement, never one per item.
 */
@Repository
public class ItemRows {

    private static final Map<String, String> SORTS = Map.of(
            "code", "i.code",
            "name", "i.name",
            "category", "c.code",
            "type", "i.item_type",
            "salePrice", "i.sale_price",
            "abcClass", "i.abc_class");

    private static final String SELECT = """
            select i.id, i.code, i.name, i.spec, c.code as category, c.name as category_name, u.code as unit,
                   array(select uu.code || '=' || cast(iu.factor as varchar(40)) from item_unit iu
                         join unit uu on uu.company_id = iu.company_id and uu.id = iu.unit_id
                         where iu.company_id = i.company_id and iu.item_id = i.id order by uu.code) as units,
                   array(select b.barcode from item_barcode b
                         where b.company_id = i.company_id and b.item_id = i.id order by b.barcode) as barcodes,
                   i.item_type, i.cost_method, i.batch_managed, i.shelf_life_days, i.safety_stock, i.abc_class,
                   s.code as default_supplier, i.purchase_price, i.sale_price, i.tax_rate, i.weight, i.volume,
                   i.active, i.version, i.inspect_on_receipt
            from item i
            join unit u on u.company_id = i.company_id and u.id = i.base_unit_id
            left join item_category c on c.company_id = i.company_id and c.id = i.category_id
            left join partner s on s.company_id = i.company_id and s.id = i.default_supplier_id""";

    private static final String FROM_FOR_COUNT =
            " from item i left join item_category c on c.company_id = i.company_id and c.id = i.category_id";

    private final JdbcClient jdbc;

    ItemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids an item row refers to, resolved from codes by the service. */
    public record References(Long categoryId, long baseUnitId, Long defaultSupplierId) {}

    public Optional<ItemView> find(long companyId, String code) {
        return jdbc.sql(SELECT + " where i.company_id = ? and i.code = ?")
                .params(companyId, code)
                .query(ItemRows::map)
                .optional();
    }

    /** Items by code, one query for all of them. */
    public Map<String, ItemView> findAll(long companyId, java.util.Collection<String> codes) {
        Map<String, ItemView> found = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + " where i.company_id = :company and i.code in (:codes)")
                .param("company", companyId)
                .param("codes", List.copyOf(codes))
                .query(ItemRows::map)
                .list()
                .forEach(i -> found.put(i.code(), i));
        return found;
    }

    public Optional<ItemView> findByBarcode(long companyId, String barcode) {
        return jdbc.sql(SELECT + " where i.company_id = ? and i.id = (select b.item_id from item_barcode b"
                        + " where b.company_id = ? and b.barcode = ?)")
                .params(companyId, companyId, barcode)
                .query(ItemRows::map)
                .optional();
    }

    public boolean codeExists(long companyId, String code) {
        return jdbc.sql("select count(*) from item where company_id = ? and code = ?")
                        .params(companyId, code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Which of these barcodes belong to an item other than {@code exceptItemId}, with that item's code. */
    public Map<String, String> barcodesTakenByOthers(long companyId, List<String> barcodes, long exceptItemId) {
        if (barcodes.isEmpty()) {
            return Map.of();
        }
        var taken = new java.util.LinkedHashMap<String, String>();
        jdbc.sql("""
                        select b.barcode, i.code from item_barcode b
                        join item i on i.company_id = b.company_id and i.id = b.item_id
                        where b.company_id = :company and b.barcode in (:barcodes) and b.item_id <> :except""")
                .param("company", companyId)
                .param("barcodes", barcodes)
                .param("except", exceptItemId)
                .query((rs, n) -> taken.put(rs.getString(1), rs.getString(2)))
                .list();
        return taken;
    }

    public long insert(long companyId, ItemCommand c, References refs, boolean active) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into item (company_id, code, name, search_initials, spec, category_id, base_unit_id,
                                          item_type, cost_method, batch_managed, shelf_life_days, safety_stock,
                                          abc_class, default_supplier_id, purchase_price, sale_price, tax_rate,
                                          weight, volume, active, inspect_on_receipt)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        companyId,
                        c.code(),
                        c.name(),
                        SearchText.initials(c.name()),
                        Text.trimToNull(c.spec()),
                        refs.categoryId(),
                        refs.baseUnitId(),
                        type(c).name(),
                        costMethod(c).name(),
                        Boolean.TRUE.equals(c.batchManaged()),
                        c.shelfLifeDays(),
                        c.safetyStock(),
                        c.abcClass() == null ? null : c.abcClass().name(),
                        refs.defaultSupplierId(),
                        c.purchasePrice(),
                        c.salePrice(),
                        c.taxRate(),
                        c.weight(),
                        c.volume(),
                        active,
                        Boolean.TRUE.equals(c.inspectOnReceipt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long companyId, long id, ItemCommand c, References refs, boolean active) {
        jdbc.sql("""
                        update item set code = ?, name = ?, search_initials = ?, spec = ?, category_id = ?,
                               base_unit_id = ?, item_type = ?, cost_method = ?, batch_managed = ?,
                               shelf_life_days = ?, safety_stock = ?, abc_class = ?, default_supplier_id = ?,
                               purchase_price = ?, sale_price = ?, tax_rate = ?, weight = ?, volume = ?,
                               active = ?, inspect_on_receipt = coalesce(?, inspect_on_receipt),
                               version = version + 1
                        where company_id = ? and id = ?""")
                .params(
                        c.code(),
                        c.name(),
                        SearchText.initials(c.name()),
                        Text.trimToNull(c.spec()),
                        refs.categoryId(),
                        refs.baseUnitId(),
                        type(c).name(),
                        costMethod(c).name(),
                        Boolean.TRUE.equals(c.batchManaged()),
                        c.shelfLifeDays(),
                        c.safetyStock(),
                        c.abcClass() == null ? null : c.abcClass().name(),
                        refs.defaultSupplierId(),
                        c.purchasePrice(),
                        c.salePrice(),
                        c.taxRate(),
                        c.weight(),
                        c.volume(),
                        active,
                        c.inspectOnReceipt(),
                        companyId,
                        id)
                .update();
    }

    public CostMethod costMethodOf(long companyId, long id) {
        return CostMethod.valueOf(jdbc.sql("select cost_method from item where company_id = ? and id = ?")
                .params(companyId, id)
                .query(String.class)
                .single());
    }

    public boolean hasStockMoves(long companyId, long id) {
        return jdbc.sql(
                                "select count(*) from (select 1 from stock_move where company_id = ? and item_id = ? fetch first 1 rows only) m")
                        .params(companyId, id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The item's sale price per customer price level. */
    public Map<String, BigDecimal> levelPrices(long companyId, long itemId) {
        Map<String, BigDecimal> prices = new java.util.TreeMap<>();
        jdbc.sql("select price_level, price from item_price where company_id = ? and item_id = ?")
                .params(companyId, itemId)
                .query((rs, n) -> prices.put(rs.getString(1), org.openjxc.shared.Rounding.plain(rs.getBigDecimal(2))))
                .list();
        return prices;
    }

    public void replaceLevelPrices(long companyId, long itemId, Map<String, BigDecimal> prices) {
        jdbc.sql("delete from item_price where company_id = ? and item_id = ?")
                .params(companyId, itemId)
                .update();
        prices.forEach((level, price) -> jdbc.sql(
                        "insert into item_price (company_id, item_id, price_level, price) values (?, ?, ?, ?)")
                .params(companyId, itemId, level, price)
                .update());
    }

    /** Prices of one level for many items at once, by item code. */
    public Map<String, BigDecimal> pricesOfLevel(long companyId, String level, java.util.Collection<String> codes) {
        Map<String, BigDecimal> prices = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return prices;
        }
        jdbc.sql("""
                        select i.code, p.price from item_price p join item i on i.company_id = p.company_id and i.id = p.item_id
                        where p.company_id = :company and p.price_level = :level and i.code in (:codes)""")
                .param("company", companyId)
                .param("level", level)
                .param("codes", codes)
                .query((rs, n) -> prices.put(rs.getString(1), rs.getBigDecimal(2)))
                .list();
        return prices;
    }

    /** Replaces the item's alternate units and barcodes with the given ones. */
    public void replaceUnitsAndBarcodes(
            long companyId, long itemId, Map<Long, BigDecimal> units, List<String> barcodes) {
        jdbc.sql("delete from item_unit where company_id = ? and item_id = ?")
                .params(companyId, itemId)
                .update();
        jdbc.sql("delete from item_barcode where company_id = ? and item_id = ?")
                .params(companyId, itemId)
                .update();
        units.forEach((unitId, factor) -> jdbc.sql(
                        "insert into item_unit (company_id, item_id, unit_id, factor) values (?, ?, ?, ?)")
                .params(companyId, itemId, unitId, factor)
                .update());
        for (String barcode : barcodes) {
            jdbc.sql("insert into item_barcode (company_id, barcode, item_id) values (?, ?, ?)")
                    .params(companyId, barcode, itemId)
                    .update();
        }
    }

    public int delete(long companyId, long id) {
        return jdbc.sql("delete from item where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    public PageResult<ItemView> list(long companyId, ItemQuery q, List<Long> categoryIds, PageQuery page) {
        StringBuilder where = new StringBuilder(" where i.company_id = :company");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("company", companyId));
        filter(q, categoryIds, where, params);
        long total = jdbc.sql("select count(*)" + FROM_FOR_COUNT + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(SELECT + where + page.orderBy(SORTS, "code", "i.id") + page.limitOffset())
                .params(params)
                .query(ItemRows::map)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** Streams every matching item in code order, for exports and labels of any size. */
    public void forEach(long companyId, ItemQuery q, List<Long> categoryIds, Consumer<ItemView> sink) {
        StringBuilder where = new StringBuilder(" where i.company_id = :company");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("company", companyId));
        filter(q, categoryIds, where, params);
        try (var rows = jdbc
                .sql(SELECT + where + " order by i.code")
                .params(params)
                .withFetchSize(500)
                .query(ItemRows::map)
                .stream()) {
            rows.forEach(sink);
        }
    }

    private static void filter(ItemQuery q, List<Long> categoryIds, StringBuilder where, Map<String, Object> params) {
        if (SearchText.present(q.q())) {
            where.append(" and (i.code ilike :like or i.name ilike :like or i.search_initials like :initials"
                    + " or exists (select 1 from item_barcode b where b.company_id = i.company_id"
                    + " and b.item_id = i.id and b.barcode = :exact))");
            params.put("like", SearchText.contains(q.q()));
            params.put("initials", SearchText.contains(q.q()).toLowerCase());
            params.put("exact", q.q().trim());
        }
        if (categoryIds != null) {
            if (categoryIds.isEmpty()) {
                where.append(" and 1 = 0");
            } else {
                where.append(" and i.category_id in (:categories)");
                params.put("categories", categoryIds);
            }
        }
        if (q.type() != null) {
            where.append(" and i.item_type = :type");
            params.put("type", q.type().name());
        }
        if (q.abcClass() != null) {
            where.append(" and i.abc_class = :abc");
            params.put("abc", q.abcClass().name());
        }
        if (q.active() != null) {
            where.append(" and i.active = :active");
            params.put("active", q.active());
        }
    }

    private static ItemType type(ItemCommand c) {
        return c.type() == null ? ItemType.GOODS : c.type();
    }

    private static CostMethod costMethod(ItemCommand c) {
        return c.costMethod() == null ? CostMethod.MOVING_AVERAGE : c.costMethod();
    }

    static ItemView map(ResultSet rs, int row) throws SQLException {
        List<UnitFactor> units = new ArrayList<>();
        for (String pair : strings(rs.getArray("units"))) {
            int at = pair.lastIndexOf('=');
            units.add(new UnitFactor(
                    pair.substring(0, at), org.openjxc.shared.Rounding.plain(new BigDecimal(pair.substring(at + 1)))));
        }
        String abc = rs.getString("abc_class");
        return new ItemView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("spec"),
                rs.getString("category"),
                rs.getString("category_name"),
                rs.getString("unit"),
                units,
                strings(rs.getArray("barcodes")),
                ItemType.valueOf(rs.getString("item_type")),
                CostMethod.valueOf(rs.getString("cost_method")),
                rs.getBoolean("batch_managed"),
                (Integer) rs.getObject("shelf_life_days", Integer.class),
                rs.getBigDecimal("safety_stock"),
                abc == null ? null : AbcClass.valueOf(abc),
                rs.getString("default_supplier"),
                rs.getBigDecimal("purchase_price"),
                rs.getBigDecimal("sale_price"),
                rs.getBigDecimal("tax_rate"),
                rs.getBigDecimal("weight"),
                rs.getBigDecimal("volume"),
                rs.getBoolean("active"),
                rs.getInt("version"),
                rs.getBoolean("inspect_on_receipt"));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    /** Sets the ABC class of many items, a thousand ids per statement. */
    public void setAbcClasses(long companyId, java.util.Map<org.openjxc.catalog.AbcClass, List<Long>> classes) {
        classes.forEach((abc, ids) -> {
            for (int from = 0; from < ids.size(); from += 1000) {
                String in = ids.subList(from, Math.min(ids.size(), from + 1000)).stream()
                        .map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", "));
                jdbc.sql("update item set abc_class = ? where company_id = ? and id in (" + in + ")"
                                + " and (abc_class is null or abc_class <> ?)")
                        .params(abc.name(), companyId, abc.name())
                        .update();
            }
        });
    }
}
