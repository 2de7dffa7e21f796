package org.openjxc.integration.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.integration.InboundKind;
import org.openjxc.integration.InboundMessageView;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Inbound mappings and messages, and what processing reads of the documents named. */
@Repository
public class InboundRows {

    public record Mapping(long id, String code, InboundKind kind, Map<String, String> fields, boolean active) {}

    /** A document a message names by number: its type and warehouse. */
    public record Source(long id, String type, String warehouse) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InboundRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insertMapping(long companyId, String code, InboundKind kind, String fields) {
        jdbc.sql(
                        "insert into inbound_mapping (company_id, code, kind, fields, active, created_at) values (?, ?, ?, ?, true, ?)")
                .params(companyId, code, kind.name(), fields, OffsetDateTime.now())
                .update();
    }

    public Optional<Mapping> mapping(long companyId, String code) {
        return jdbc.sql("select id, code, kind, fields, active from inbound_mapping where company_id = ? and code = ?")
                .params(companyId, code)
                .query((rs, n) ->
                        mapping(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .optional();
    }

    public List<Mapping> mappings(long companyId) {
        return jdbc.sql("select id, code, kind, fields, active from inbound_mapping where company_id = ? order by code")
                .params(companyId)
                .query((rs, n) ->
                        mapping(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    private Mapping mapping(long id, String code, String kind, String fields, boolean active) {
        Map<String, String> map = json.readValue(fields, new TypeReference<LinkedHashMap<String, String>>() {});
        return new Mapping(id, code, InboundKind.valueOf(kind), map, active);
    }

    public long insertMessage(long companyId, long mappingId, String payload) {
        jdbc.sql("""
                        insert into inbound_message (company_id, mapping_id, payload, status, attempts, received_at)
                        values (?, ?, ?, 'RECEIVED', 0, ?)""")
                .params(companyId, mappingId, payload, OffsetDateTime.now())
                .update();
        return jdbc.sql("select max(id) from inbound_message where company_id = ? and mapping_id = ?")
                .params(companyId, mappingId)
                .query(Long.class)
                .single();
    }

    public void updatePayload(long companyId, long id, String payload) {
        jdbc.sql("update inbound_message set payload = ? where company_id = ? and id = ?")
                .params(payload, companyId, id)
                .update();
    }

    public void processed(long companyId, long id, long documentId) {
        jdbc.sql("""
                        update inbound_message set status = 'PROCESSED', reason = null, document_id = ?,
                                                   attempts = attempts + 1, processed_at = ?
                        where company_id = ? and id = ?""").params(documentId, OffsetDateTime.now(), companyId, id).update();
    }

    public void parked(long companyId, long id, String reason) {
        jdbc.sql("""
                        update inbound_message set status = 'PARKED', reason = ?, attempts = attempts + 1, processed_at = ?
                        where company_id = ? and id = ?""").params(reason, OffsetDateTime.now(), companyId, id).update();
    }

    private static final String MESSAGE = """
            select m.id, p.code, m.status, m.reason, m.document_id, m.attempts, m.received_at, m.processed_at, m.payload
            from inbound_message m join inbound_mapping p on p.company_id = m.company_id and p.id = m.mapping_id""";

    public Optional<InboundMessageView> message(long companyId, long id) {
        return jdbc.sql(MESSAGE + " where m.company_id = ? and m.id = ?")
                .params(companyId, id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    public PageResult<InboundMessageView> messages(long companyId, String status, PageQuery page) {
        boolean filtered = status != null && !status.isBlank();
        String where = " where m.company_id = ?" + (filtered ? " and m.status = ?" : "");
        Object[] params = filtered ? new Object[] {companyId, status} : new Object[] {companyId};
        long total = jdbc.sql("select count(*) from inbound_message m" + where)
                .params(params)
                .query(Long.class)
                .single();
        var items = jdbc.sql(MESSAGE + where + " order by m.id desc" + page.limitOffset())
                .params(params)
                .query((rs, n) -> view(rs))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static InboundMessageView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new InboundMessageView(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                (Long) rs.getObject(5, Long.class),
                rs.getInt(6),
                rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class),
                rs.getString(9));
    }

    public Optional<Source> source(long companyId, String number) {
        return jdbc.sql("""
                        select d.id, d.doc_type, w.code from document d
                        join warehouse w on w.company_id = d.company_id and w.id = d.warehouse_id
                        where d.company_id = ? and d.number = ?""")
                .params(companyId, number)
                .query((rs, n) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Price per base unit of each item on a document (its first line of the item). */
    public Map<String, BigDecimal> pricesPerBaseUnit(long companyId, long documentId) {
        Map<String, BigDecimal> prices = new HashMap<>();
        jdbc.sql("""
                        select i.code, l.price, l.factor from document_line l
                        join item i on i.company_id = l.company_id and i.id = l.item_id
                        where l.company_id = ? and l.document_id = ? and l.price is not null order by l.line_no""")
                .params(companyId, documentId)
                .query((rs, n) -> prices.putIfAbsent(
                        rs.getString(1), rs.getBigDecimal(2).divide(rs.getBigDecimal(3), 6, RoundingMode.HALF_UP)))
                .list();
        return prices;
    }
}
