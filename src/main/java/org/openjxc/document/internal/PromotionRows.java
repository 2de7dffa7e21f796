package org.openjxc.document.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openjxc.document.Promotion;
import org.openjxc.shared.Rounding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The promotion table. */
@Repository
public class PromotionRows {

    private static final String SELECT = """
            select p.code, p.name, i.code as item, p.buy_qty, g.code as gift_item, p.gift_qty, p.valid_from,
                   p.valid_to, p.active
            from promotion p
            join item i on i.company_id = p.company_id and i.id = p.item_id
            join item g on g.company_id = p.company_id and g.id = p.gift_item_id""";

    private final JdbcClient jdbc;

    PromotionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long companyId, String code) {
        return jdbc.sql("select count(*) from promotion where company_id = ? and code = ?")
                        .params(companyId, code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(long companyId, Promotion p, long itemId, long giftItemId) {
        jdbc.sql("""
                        insert into promotion (company_id, code, name, item_id, buy_qty, gift_item_id, gift_qty,
                                               valid_from, valid_to, active)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        companyId,
                        p.code(),
                        p.name(),
                        itemId,
                        p.buyQty(),
                        giftItemId,
                        p.giftQty(),
                        p.validFrom(),
                        p.validTo(),
                        p.active() == null || p.active())
                .update();
    }

    public Optional<Promotion> find(long companyId, String code) {
        return jdbc.sql(SELECT + " where p.company_id = ? and p.code = ?")
                .params(companyId, code)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public List<Promotion> list(long companyId) {
        return jdbc.sql(SELECT + " where p.company_id = ? order by p.valid_to desc, p.code")
                .params(companyId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Active promotions on a day for any of these items. */
    public List<Promotion> active(long companyId, LocalDate day, Collection<String> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where p.company_id = :company and p.active and p.valid_from <= :day"
                        + " and p.valid_to >= :day and i.code in (:items) order by p.code")
                .param("company", companyId)
                .param("day", day)
                .param("items", items)
                .query((rs, n) -> map(rs))
                .list();
    }

    private static Promotion map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Promotion(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("item"),
                Rounding.plain(rs.getBigDecimal("buy_qty")),
                rs.getString("gift_item"),
                Rounding.plain(rs.getBigDecimal("gift_qty")),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getBoolean("active"));
    }

    /** Whole multiples of {@code per} in {@code qty}: how often a promotion applies. */
    public static BigDecimal times(BigDecimal qty, BigDecimal per) {
        return qty.divide(per, 0, java.math.RoundingMode.DOWN);
    }
}
