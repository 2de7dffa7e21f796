package org.openjxc.production.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.production.BomKind;
import org.openjxc.production.BomView;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bom and bom_line tables. */
@Repository
public class BomRows {

    /** A BOM line ready to be written: ids resolved. */
    public record NewLine(
            long itemId, BigDecimal qty, BigDecimal scrapPercent, boolean byProduct, BigDecimal unitCost) {}

    /** A BOM header ready to be written. */
    public record NewBom(
            long itemId,
            String version,
            BomKind kind,
            BigDecimal outputQty,
            LocalDate validFrom,
            LocalDate validTo,
            BigDecimal tolerancePercent,
            BigDecimal labourRate,
            BigDecimal overheadRate,
            boolean active,
            String remark) {}

    private static final String HEADER = """
            select b.id, i.code as item, i.name as item_name, u.code as unit, b.version, b.kind, b.output_qty,
                   b.valid_from, b.valid_to, b.tolerance_percent, b.labour_rate, b.overhead_rate, b.active, b.remark,
                   exists (select 1 from production_order_bom o where o.company_id = b.company_id and o.bom_id = b.id)
                       as in_use
            from bom b join item i on i.company_id = b.company_id and i.id = b.item_id
            join unit u on u.company_id = i.company_id and u.id = i.base_unit_id""";

    private final JdbcClient jdbc;

    BomRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long companyId, NewBom b, List<NewLine> lines, long userId) {
        jdbc.sql("""
                        insert into bom (company_id, item_id, version, kind, output_qty, valid_from, valid_to,
                                         tolerance_percent, labour_rate, overhead_rate, active, remark, created_at,
                                         created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        companyId,
                        b.itemId(),
                        b.version(),
                        b.kind().name(),
                        b.outputQty(),
                        b.validFrom(),
                        b.validTo(),
                        b.tolerancePercent(),
                        b.labourRate(),
                        b.overheadRate(),
                        b.active(),
                        b.remark(),
                        OffsetDateTime.now(),
                        userId)
                .update();
        long id = idOf(companyId, b.itemId(), b.version());
        insertLines(companyId, id, lines);
        return id;
    }

    private long idOf(long companyId, long itemId, String version) {
        return jdbc.sql("select id from bom where company_id = ? and item_id = ? and version = ?")
                .params(companyId, itemId, version)
                .query(Long.class)
                .single();
    }

    public void update(long companyId, long id, NewBom b, List<NewLine> lines) {
        jdbc.sql("""
                        update bom set version = ?, kind = ?, output_qty = ?, valid_from = ?, valid_to = ?,
                                       tolerance_percent = ?, labour_rate = ?, overhead_rate = ?, active = ?, remark = ?
                        where company_id = ? and id = ?""")
                .params(
                        b.version(),
                        b.kind().name(),
                        b.outputQty(),
                        b.validFrom(),
                        b.validTo(),
                        b.tolerancePercent(),
                        b.labourRate(),
                        b.overheadRate(),
                        b.active(),
                        b.remark(),
                        companyId,
                        id)
                .update();
        jdbc.sql("delete from bom_line where company_id = ? and bom_id = ?")
                .params(companyId, id)
                .update();
        insertLines(companyId, id, lines);
    }

    private void insertLines(long companyId, long bomId, List<NewLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            jdbc.sql("""
                            insert into bom_line (company_id, bom_id, line_no, item_id, qty, scrap_percent, by_product,
                                                  unit_cost)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(companyId, bomId, i + 1, l.itemId(), l.qty(), l.scrapPercent(), l.byProduct(), l.unitCost())
                    .update();
        }
    }

    public Optional<BomView> find(long companyId, long id) {
        Optional<BomView> header = jdbc.sql(HEADER + " where b.company_id = ? and b.id = ?")
                .params(companyId, id)
                .query(BomRows::header)
                .optional();
        return header.map(h -> withLines(companyId, h));
    }

    public Optional<BomView> find(long companyId, String item, String version) {
        return jdbc.sql(HEADER + " where b.company_id = ? and i.code = ? and b.version = ?")
                .params(companyId, item, version)
                .query(BomRows::header)
                .optional()
                .map(h -> withLines(companyId, h));
    }

    private BomView withLines(long companyId, BomView h) {
        List<BomView.Line> lines = jdbc.sql("""
                        select l.line_no, i.code, i.name, u.code, l.qty, l.scrap_percent, l.by_product, l.unit_cost
                        from bom_line l join item i on i.company_id = l.company_id and i.id = l.item_id
                        join unit u on u.company_id = i.company_id and u.id = i.base_unit_id
                        where l.company_id = ? and l.bom_id = ? order by l.line_no""")
                .params(companyId, h.id())
                .query((rs, n) -> new BomView.Line(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBoolean(7),
                        rs.getBigDecimal(8)))
                .list();
        return new BomView(
                h.id(),
                h.item(),
                h.itemName(),
                h.unit(),
                h.version(),
                h.kind(),
                h.outputQty(),
                h.validFrom(),
                h.validTo(),
                h.tolerancePercent(),
                h.labourRate(),
                h.overheadRate(),
                h.active(),
                h.remark(),
                h.inUse(),
                lines);
    }

    private static final Map<String, String> SORTS =
            Map.of("item", "i.code", "version", "b.version", "kind", "b.kind", "validFrom", "b.valid_from");

    /** BOM versions without their lines, filtered by item (code or name) and kind. */
    public PageResult<BomView> list(long companyId, String item, BomKind kind, PageQuery page) {
        StringBuilder where = new StringBuilder(" where b.company_id = :company");
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        if (item != null && !item.isBlank()) {
            where.append(" and (lower(i.code) like :item or lower(i.name) like :item)");
            params.put("item", SearchText.contains(item.toLowerCase(java.util.Locale.ROOT)));
        }
        if (kind != null) {
            where.append(" and b.kind = :kind");
            params.put("kind", kind.name());
        }
        long total = jdbc.sql(
                        "select count(*) from bom b join item i on i.company_id = b.company_id and i.id = b.item_id"
                                + where)
                .params(params)
                .query(Long.class)
                .single();
        List<BomView> items = jdbc.sql(HEADER + where + " " + page.orderBy(SORTS, "item", "b.id") + page.limitOffset())
                .params(params)
                .query(BomRows::header)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Another active version of the item and kind family whose validity overlaps [from, to]. */
    public Optional<String> overlapping(
            long companyId, long itemId, boolean production, LocalDate from, LocalDate to, long exceptId) {
        return jdbc
                .sql("""
                        select version from bom
                        where company_id = :company and item_id = :item and id <> :except and active
                          and (kind = 'PRODUCTION') = :production
                          and valid_from <= :to and (valid_to is null or valid_to >= :from)
                        order by valid_from""")
                .param("company", companyId)
                .param("item", itemId)
                .param("except", exceptId)
                .param("production", production)
                .param("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .param("from", from)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    /** Parent → components of every active BOM of the company (by-products left out), for the cycle check. */
    public Map<Long, List<Long>> edges(long companyId) {
        Map<Long, List<Long>> edges = new HashMap<>();
        jdbc.sql("""
                        select distinct b.item_id, l.item_id from bom b
                        join bom_line l on l.company_id = b.company_id and l.bom_id = b.id
                        where b.company_id = ? and b.active and not l.by_product""")
                .params(companyId)
                .query((rs, n) -> edges.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return edges;
    }

    /**
     * The version of each item valid on {@code day}, of the production kind or of the kit kinds
     * (kit and recipe), with its lines.
     */
    public Map<Long, Recipe> valid(long companyId, Collection<Long> itemIds, LocalDate day, boolean production) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Recipe> byItem = new LinkedHashMap<>();
        jdbc.sql("""
                        select id from bom
                        where company_id = :company and item_id in (:items) and active
                          and (kind = 'PRODUCTION') = :production
                          and valid_from <= :day and (valid_to is null or valid_to >= :day)""")
                .param("company", companyId)
                .param("items", itemIds)
                .param("production", production)
                .param("day", day)
                .query(Long.class)
                .list()
                .forEach(id -> recipes(companyId, List.of(id)).values().forEach(r -> byItem.put(r.itemId(), r)));
        return byItem;
    }

    /** BOM versions by id, with their lines. */
    public Map<Long, Recipe> recipes(long companyId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Recipe.Part>> parts = new HashMap<>();
        jdbc.sql("""
                        select bom_id, line_no, item_id, qty, scrap_percent, by_product, unit_cost from bom_line
                        where company_id = :company and bom_id in (:ids) order by bom_id, line_no""")
                .param("company", companyId)
                .param("ids", ids)
                .query((rs, n) -> parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Recipe.Part(
                                rs.getInt(2),
                                rs.getLong(3),
                                rs.getBigDecimal(4),
                                rs.getBigDecimal(5),
                                rs.getBoolean(6),
                                rs.getBigDecimal(7))))
                .list();
        Map<Long, Recipe> recipes = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, item_id, version, kind, output_qty, tolerance_percent, labour_rate, overhead_rate
                        from bom where company_id = :company and id in (:ids)""")
                .param("company", companyId)
                .param("ids", ids)
                .query((rs, n) -> recipes.put(
                        rs.getLong(1),
                        new Recipe(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                BomKind.valueOf(rs.getString(4)),
                                rs.getBigDecimal(5),
                                rs.getBigDecimal(6),
                                rs.getBigDecimal(7),
                                rs.getBigDecimal(8),
                                parts.getOrDefault(rs.getLong(1), List.of()))))
                .list();
        return recipes;
    }

    public void delete(long companyId, long id) {
        jdbc.sql("delete from bom_line where company_id = ? and bom_id = ?")
                .params(companyId, id)
                .update();
        jdbc.sql("delete from bom where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    private static BomView header(ResultSet rs, int n) throws SQLException {
        return new BomView(
                rs.getLong("id"),
                rs.getString("item"),
                rs.getString("item_name"),
                rs.getString("unit"),
                rs.getString("version"),
                BomKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("output_qty"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getBigDecimal("tolerance_percent"),
                rs.getBigDecimal("labour_rate"),
                rs.getBigDecimal("overhead_rate"),
                rs.getBoolean("active"),
                rs.getString("remark"),
                rs.getBoolean("in_use"),
                List.of());
    }
}
