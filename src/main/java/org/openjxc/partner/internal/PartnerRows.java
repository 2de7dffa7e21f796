package org.openjxc.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.openjxc.partner.PartnerCommand;
import org.openjxc.partner.PartnerContact;
import org.openjxc.partner.PartnerQuery;
import org.openjxc.partner.PartnerType;
import org.openjxc.partner.PartnerView;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.SearchText;
import org.openjxc.shared.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partner table. */
@Repository
public class PartnerRows {

    private static final Map<String, String> SORTS = Map.of(
            "code", "code", "name", "name", "type", "partner_type", "region", "region", "salesperson", "salesperson");
    private static final String SELECT = """
            select id, code, name, partner_type as type, region, salesperson, contact, phone, email, address,
                   credit_limit, payment_terms_days, price_level, tax_number, bank_name, bank_account, active, version
            from partner""";
    private static final String COLUMNS =
            "code, name, search_initials, partner_type, region, salesperson, contact, phone, email, address, "
                    + "credit_limit, payment_terms_days, price_level, tax_number, bank_name, bank_account, active";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    // Mapped by hand: sales and purchase documents look their partner up, and mapping a record by
    // its names introspects it on each call and tries each two-word name as written first.
    private static PartnerView partner(ResultSet rs, int n) throws SQLException {
        return new PartnerView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                PartnerType.valueOf(rs.getString("type")),
                rs.getString("region"),
                rs.getString("salesperson"),
                rs.getString("contact"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("address"),
                rs.getBigDecimal("credit_limit"),
                rs.getObject("payment_terms_days", Integer.class),
                rs.getString("price_level"),
                rs.getString("tax_number"),
                rs.getString("bank_name"),
                rs.getString("bank_account"),
                rs.getBoolean("active"),
                rs.getInt("version"),
                null);
    }

    PartnerRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<PartnerView> find(long companyId, String code) {
        return jdbc.sql(SELECT + " where company_id = ? and code = ?")
                .params(companyId, code)
                .query(PartnerRows::partner)
                .optional()
                .map(p -> p.withContacts(contacts(companyId, List.of(p.id())).getOrDefault(p.id(), List.of())));
    }

    /** A partner by id, without contacts (for postings that only need its terms). */
    public Optional<PartnerView> findById(long companyId, long id) {
        return jdbc.sql(SELECT + " where company_id = ? and id = ?")
                .params(companyId, id)
                .query(PartnerRows::partner)
                .optional()
                .map(p -> p.withContacts(List.of()));
    }

    /** Contacts of the given partners, in one query, by partner id. */
    private Map<Long, List<PartnerContact>> contacts(long companyId, List<Long> partnerIds) {
        Map<Long, List<PartnerContact>> byPartner = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return byPartner;
        }
        List<Object> params = new ArrayList<>(List.of(companyId));
        params.addAll(partnerIds);
        jdbc.sql("select partner_id, name, title, phone, email, is_primary from partner_contact"
                        + " where company_id = ? and partner_id in ("
                        + String.join(", ", java.util.Collections.nCopies(partnerIds.size(), "?"))
                        + ") order by partner_id, position")
                .params(params)
                .query((rs, n) -> {
                    byPartner
                            .computeIfAbsent(rs.getLong("partner_id"), k -> new ArrayList<>())
                            .add(new PartnerContact(
                                    rs.getString("name"),
                                    rs.getString("title"),
                                    rs.getString("phone"),
                                    rs.getString("email"),
                                    rs.getBoolean("is_primary")));
                    return null;
                })
                .list();
        return byPartner;
    }

    /** Replaces the partner's contacts with {@code contacts}, kept in the given order. */
    public void replaceContacts(long companyId, long partnerId, List<PartnerContact> contacts) {
        jdbc.sql("delete from partner_contact where company_id = ? and partner_id = ?")
                .params(companyId, partnerId)
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            PartnerContact c = contacts.get(i);
            rows.add(new Object[] {
                companyId,
                partnerId,
                i + 1,
                c.name().trim(),
                Text.trimToNull(c.title()),
                Text.trimToNull(c.phone()),
                Text.trimToNull(c.email()),
                c.primary()
            });
        }
        if (!rows.isEmpty()) {
            template.batchUpdate(
                    "insert into partner_contact (company_id, partner_id, position, name, title, phone, email,"
                            + " is_primary) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    public void insert(long companyId, PartnerCommand c, boolean active) {
        jdbc.sql("insert into partner (company_id, " + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values(companyId, c, active, true))
                .update();
    }

    public void update(long companyId, long id, PartnerCommand c, boolean active) {
        List<Object> params = values(companyId, c, active, false);
        params.add(companyId);
        params.add(id);
        jdbc.sql("""
                        update partner set code = ?, name = ?, search_initials = ?, partner_type = ?, region = ?,
                               salesperson = ?, contact = ?, phone = ?, email = ?, address = ?, credit_limit = ?,
                               payment_terms_days = ?, price_level = ?, tax_number = ?, bank_name = ?,
                               bank_account = ?, active = ?, version = version + 1
                        where company_id = ? and id = ?""").params(params).update();
    }

    public int delete(long companyId, long id) {
        return jdbc.sql("delete from partner where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    public PageResult<PartnerView> list(long companyId, PartnerQuery q, PageQuery page) {
        StringBuilder where = new StringBuilder(" where company_id = ?");
        List<Object> params = new ArrayList<>(List.of(companyId));
        filter(q, where, params);
        long total = jdbc.sql("select count(*) from partner" + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(SELECT + where + page.orderBy(SORTS, "code", "id") + page.limitOffset())
                .params(params)
                .query(PartnerRows::partner)
                .list();
        var contacts = contacts(companyId, rows.stream().map(PartnerView::id).toList());
        return new PageResult<>(
                rows.stream()
                        .map(p -> p.withContacts(contacts.getOrDefault(p.id(), List.of())))
                        .toList(),
                page.page(),
                page.size(),
                total);
    }

    /**
     * Streams every matching partner in code order, for exports of any size; without the contact
     * list (exports show the primary contact columns).
     */
    public void forEach(long companyId, PartnerQuery q, Consumer<PartnerView> sink) {
        StringBuilder where = new StringBuilder(" where company_id = ?");
        List<Object> params = new ArrayList<>(List.of(companyId));
        filter(q, where, params);
        try (var rows = jdbc
                .sql(SELECT + where + " order by code")
                .params(params)
                .withFetchSize(500)
                .query(PartnerRows::partner)
                .stream()) {
            rows.map(p -> p.withContacts(List.of())).forEach(sink);
        }
    }

    private static void filter(PartnerQuery q, StringBuilder where, List<Object> params) {
        if (SearchText.present(q.q())) {
            // A phone number or a contact's name finds the partner too: people call in by name.
            where.append(" and (code ilike ? or name ilike ? or search_initials like ? or phone like ?"
                    + " or exists (select 1 from partner_contact pc where pc.company_id = partner.company_id"
                    + " and pc.partner_id = partner.id and (pc.name ilike ? or pc.phone like ?)))");
            String like = SearchText.contains(q.q());
            params.add(like);
            params.add(like);
            params.add(like.toLowerCase());
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (q.type() != null) {
            // A partner of type BOTH is both a supplier and a customer.
            where.append(" and partner_type in (?, 'BOTH')");
            params.add(q.type().name());
        }
        if (SearchText.present(q.region())) {
            where.append(" and region = ?");
            params.add(q.region().trim());
        }
        if (SearchText.present(q.salesperson())) {
            where.append(" and salesperson = ?");
            params.add(q.salesperson().trim());
        }
        if (q.active() != null) {
            where.append(" and active = ?");
            params.add(q.active());
        }
    }

    private static List<Object> values(long companyId, PartnerCommand c, boolean active, boolean withCompany) {
        List<Object> v = new ArrayList<>();
        if (withCompany) {
            v.add(companyId);
        }
        v.add(c.code());
        v.add(c.name());
        v.add(SearchText.initials(c.name()));
        v.add(c.type().name());
        v.add(Text.trimToNull(c.region()));
        v.add(Text.trimToNull(c.salesperson()));
        v.add(Text.trimToNull(c.contact()));
        v.add(Text.trimToNull(c.phone()));
        v.add(Text.trimToNull(c.email()));
        v.add(Text.trimToNull(c.address()));
        v.add(c.creditLimit());
        v.add(c.paymentTermsDays());
        v.add(Text.trimToNull(c.priceLevel()));
        v.add(Text.trimToNull(c.taxNumber()));
        v.add(Text.trimToNull(c.bankName()));
        v.add(Text.trimToNull(c.bankAccount()));
        v.add(active);
        return v;
    }
}
