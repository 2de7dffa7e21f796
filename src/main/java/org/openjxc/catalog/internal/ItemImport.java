package org.openjxc.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openjxc.catalog.AbcClass;
import org.openjxc.catalog.CostMethod;
import org.openjxc.catalog.ItemType;
import org.openjxc.shared.ImportProblems;
import org.openjxc.shared.ImportRow;
import org.openjxc.shared.ImportSource;
import org.openjxc.shared.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Imports items set-based: rows are checked cell by cell while streaming into staging tables in
 * batches, then checked against each other and the master data with a few SQL statements, then
 * inserted with one INSERT … SELECT per table. Work grows with the file, memory does not.
 * Must run inside the caller's transaction, which is rolled back when any row is refused.
 */
@Repository
public class ItemImport {

    private static final int BATCH = 1000;
    private static final String BARCODE = "[0-9A-Za-z_.+-]{1,64}";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ItemImport(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Counts of a finished run. */
    public record Outcome(int rows, int imported, String firstCode, String lastCode) {}

    public Outcome run(
            long companyId,
            ImportSource source,
            boolean mayWritePurchasePrice,
            boolean dryRun,
            ImportProblems problems) {
        String id = UUID.randomUUID().toString();
        List<Object[]> items = new ArrayList<>();
        List<Object[]> units = new ArrayList<>();
        List<Object[]> barcodes = new ArrayList<>();
        int[] rows = {0};
        source.forEach(row -> {
            rows[0]++;
            stage(id, row, mayWritePurchasePrice, problems, items, units, barcodes);
            if (items.size() >= BATCH) {
                flush(items, units, barcodes);
            }
        });
        flush(items, units, barcodes);
        checkAgainstEachOtherAndMasterData(companyId, id, problems);
        int imported = 0;
        if (problems.count() == 0 && !dryRun) {
            imported = insert(companyId, id);
        }
        var range = jdbc.sql("select min(code), max(code) from import_item_staging where import_id = ?")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        for (String table : List.of("import_item_barcode_staging", "import_item_unit_staging", "import_item_staging")) {
            jdbc.sql("delete from " + table + " where import_id = ?").param(id).update();
        }
        return new Outcome(rows[0], imported, range[0], range[1]);
    }

    private void stage(
            String id,
            ImportRow row,
            boolean mayWritePurchasePrice,
            ImportProblems p,
            List<Object[]> items,
            List<Object[]> units,
            List<Object[]> barcodes) {
        long before = p.count();
        int n = row.number();
        String code = p.code(row, "code");
        String name = p.required(row, "name");
        if (name != null && name.length() > 200) {
            p.add(n, "name", "import.tooLong", 200);
        }
        String unit = p.required(row, "unit");
        ItemType type = p.enumValue(row, "type", ItemType.class, ItemType.GOODS);
        CostMethod costMethod = p.enumValue(row, "costMethod", CostMethod.class, CostMethod.MOVING_AVERAGE);
        boolean batchManaged = p.bool(row, "batchManaged", false);
        Integer shelfLife = p.integer(row, "shelfLifeDays", 1, 36500);
        BigDecimal safetyStock = p.decimal(row, "safetyStock", 4, false);
        AbcClass abc = p.enumValue(row, "abcClass", AbcClass.class, null);
        BigDecimal purchasePrice = p.decimal(row, "purchasePrice", 6, false);
        if (purchasePrice != null && !mayWritePurchasePrice) {
            p.add(n, "purchasePrice", "import.purchasePriceForbidden");
        }
        BigDecimal salePrice = p.decimal(row, "salePrice", 6, false);
        BigDecimal taxRate = p.decimal(row, "taxRate", 4, false);
        if (taxRate != null && taxRate.compareTo(BigDecimal.ONE) > 0) {
            p.add(n, "taxRate", "import.range", 0, 1);
        }
        BigDecimal weight = p.decimal(row, "weight", 4, false);
        BigDecimal volume = p.decimal(row, "volume", 4, false);
        boolean active = p.bool(row, "active", true);
        if (type == ItemType.SERVICE && batchManaged) {
            p.add(n, "batchManaged", "error.item.serviceBatch");
        }
        List<Object[]> rowUnits = new ArrayList<>();
        if (row.has("units")) {
            for (String pair : row.get("units").split("[;；]")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] parts = pair.split("[=＝]");
                BigDecimal factor = null;
                if (parts.length == 2) {
                    try {
                        factor = new BigDecimal(parts[1].trim());
                    } catch (NumberFormatException ignored) {
                        // reported below
                    }
                }
                if (factor == null || parts[0].isBlank()) {
                    p.add(n, "units", "import.unitsFormat", pair);
                } else if (factor.signum() <= 0) {
                    p.add(n, "units", "openjxc.factor.positive");
                } else {
                    rowUnits.add(new Object[] {id, n, parts[0].trim(), factor});
                }
            }
        }
        List<Object[]> rowBarcodes = new ArrayList<>();
        if (row.has("barcodes")) {
            Set<String> seen = new HashSet<>();
            for (String barcode : row.get("barcodes").split("[;；,，\\s]+")) {
                if (barcode.isBlank()) {
                    continue;
                }
                if (!barcode.matches(BARCODE)) {
                    p.add(n, "barcodes", "openjxc.barcode.pattern");
                } else if (!seen.add(barcode)) {
                    p.add(n, "barcodes", "error.barcode.repeated", barcode);
                } else {
                    rowBarcodes.add(new Object[] {id, n, barcode});
                }
            }
        }
        if (p.count() > before) {
            return;
        }
        items.add(new Object[] {
            id,
            n,
            code,
            name,
            SearchText.initials(name),
            row.get("spec"),
            row.get("category"),
            unit,
            type.name(),
            costMethod.name(),
            batchManaged,
            shelfLife,
            safetyStock,
            abc == null ? null : abc.name(),
            row.get("defaultSupplier"),
            purchasePrice,
            salePrice,
            taxRate,
            weight,
            volume,
            active
        });
        units.addAll(rowUnits);
        barcodes.addAll(rowBarcodes);
    }

    private void flush(List<Object[]> items, List<Object[]> units, List<Object[]> barcodes) {
        if (!items.isEmpty()) {
            template.batchUpdate("""
                    insert into import_item_staging (import_id, row_no, code, name, search_initials, spec, category,
                        unit, item_type, cost_method, batch_managed, shelf_life_days, safety_stock, abc_class,
                        default_supplier, purchase_price, sale_price, tax_rate, weight, volume, active)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items);
        }
        if (!units.isEmpty()) {
            template.batchUpdate(
                    "insert into import_item_unit_staging (import_id, row_no, unit, factor) values (?, ?, ?, ?)",
                    units);
        }
        if (!barcodes.isEmpty()) {
            template.batchUpdate(
                    "insert into import_item_barcode_staging (import_id, row_no, barcode) values (?, ?, ?)", barcodes);
        }
        items.clear();
        units.clear();
        barcodes.clear();
    }

    private void checkAgainstEachOtherAndMasterData(long company, String id, ImportProblems p) {
        report(p, "code", "import.duplicateInFile", """
                select s.row_no, s.code from import_item_staging s
                where s.import_id = ? and exists (select 1 from import_item_staging t
                    where t.import_id = s.import_id and t.code = s.code and t.row_no < s.row_no)""", id);
        report(p, "code", "import.codeExists", """
                select s.row_no, s.code from import_item_staging s
                join item i on i.company_id = ? and i.code = s.code where s.import_id = ?""", company, id);
        report(p, "unit", "error.unit.unknown", """
                select s.row_no, s.unit from import_item_staging s where s.import_id = ?
                and not exists (select 1 from unit u where u.company_id = ? and u.code = s.unit)""", id, company);
        report(p, "category", "import.unknownCategory", """
                select s.row_no, s.category from import_item_staging s where s.import_id = ? and s.category is not null
                and not exists (select 1 from item_category c where c.company_id = ? and c.code = s.category)""", id, company);
        report(p, "defaultSupplier", "import.unknownSupplier", """
                select s.row_no, s.default_supplier from import_item_staging s
                where s.import_id = ? and s.default_supplier is not null
                and not exists (select 1 from partner x where x.company_id = ? and x.code = s.default_supplier
                                and x.partner_type in ('SUPPLIER', 'BOTH'))""", id, company);
        report(p, "units", "error.unit.unknown", """
                select su.row_no, su.unit from import_item_unit_staging su where su.import_id = ?
                and not exists (select 1 from unit u where u.company_id = ? and u.code = su.unit)""", id, company);
        report(p, "units", "error.unit.isBase", """
                select su.row_no, su.unit from import_item_unit_staging su
                join import_item_staging s on s.import_id = su.import_id and s.row_no = su.row_no
                where su.import_id = ? and su.unit = s.unit""", id);
        report(p, "units", "error.unit.repeated", """
                select su.row_no, su.unit from import_item_unit_staging su where su.import_id = ?
                group by su.row_no, su.unit having count(*) > 1""", id);
        report(p, "barcodes", "import.barcodeInFile", """
                select b.row_no, b.barcode from import_item_barcode_staging b
                where b.import_id = ? and exists (select 1 from import_item_barcode_staging o
                    where o.import_id = b.import_id and o.barcode = b.barcode and o.row_no < b.row_no)""", id);
        report(p, "barcodes", "import.barcodeTaken", """
                select b.row_no, b.barcode from import_item_barcode_staging b
                join item_barcode x on x.company_id = ? and x.barcode = b.barcode where b.import_id = ?""", company, id);
    }

    private void report(ImportProblems p, String field, String key, String sql, Object... params) {
        jdbc.sql(sql + " order by 1")
                .params(params)
                .query((rs, n) -> {
                    p.add(rs.getInt(1), field, key, rs.getString(2));
                    return null;
                })
                .list();
    }

    private int insert(long company, String id) {
        int inserted =
                jdbc.sql("""
                        insert into item (company_id, code, name, search_initials, spec, category_id, base_unit_id,
                            item_type, cost_method, batch_managed, shelf_life_days, safety_stock, abc_class,
                            default_supplier_id, purchase_price, sale_price, tax_rate, weight, volume, active)
                        select ?, s.code, s.name, s.search_initials, s.spec, c.id, u.id, s.item_type, s.cost_method,
                               s.batch_managed, s.shelf_life_days, s.safety_stock, s.abc_class, x.id, s.purchase_price,
                               s.sale_price, s.tax_rate, s.weight, s.volume, s.active
                        from import_item_staging s
                        join unit u on u.company_id = ? and u.code = s.unit
                        left join item_category c on c.company_id = ? and c.code = s.category
                        left join partner x on x.company_id = ? and x.code = s.default_supplier
                        where s.import_id = ?
                        order by s.row_no""").params(company, company, company, company, id).update();
        jdbc.sql("""
                        insert into item_unit (company_id, item_id, unit_id, factor)
                        select ?, i.id, u.id, su.factor from import_item_unit_staging su
                        join import_item_staging s on s.import_id = su.import_id and s.row_no = su.row_no
                        join item i on i.company_id = ? and i.code = s.code
                        join unit u on u.company_id = ? and u.code = su.unit
                        where su.import_id = ?""").params(company, company, company, id).update();
        jdbc.sql("""
                        insert into item_barcode (company_id, barcode, item_id)
                        select ?, b.barcode, i.id from import_item_barcode_staging b
                        join import_item_staging s on s.import_id = b.import_id and s.row_no = b.row_no
                        join item i on i.company_id = ? and i.code = s.code
                        where b.import_id = ?""").params(company, company, id).update();
        return inserted;
    }
}
