package org.openjxc.channel.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.channel.SkuMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channel_order and sku_mapping tables. */
@Repository
public class ChannelRows {

    private final JdbcClient jdbc;

    ChannelRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> documentOf(long companyId, String channel, String externalId) {
        return jdbc.sql(
                        "select document_id from channel_order where company_id = ? and channel = ? and external_id = ?")
                .params(companyId, channel, externalId)
                .query(Long.class)
                .optional();
    }

    /** Claims an external id; a second claim of the same id fails on the primary key, even at once. */
    public void claim(long companyId, String channel, String externalId) {
        jdbc.sql("insert into channel_order (company_id, channel, external_id, document_id) values (?, ?, ?, 0)")
                .params(companyId, channel, externalId)
                .update();
    }

    public void attach(long companyId, String channel, String externalId, long documentId) {
        jdbc.sql("update channel_order set document_id = ? where company_id = ? and channel = ? and external_id = ?")
                .params(documentId, companyId, channel, externalId)
                .update();
    }

    /** Item codes of mapped SKUs of a channel, for all the given SKUs at once. */
    public Map<String, String> mappedItems(long companyId, String channel, Collection<String> skus) {
        Map<String, String> items = new HashMap<>();
        if (skus.isEmpty()) {
            return items;
        }
        jdbc.sql("""
                        select m.external_sku, i.code from sku_mapping m
                        join item i on i.company_id = m.company_id and i.id = m.item_id
                        where m.company_id = :company and m.channel = :channel and m.external_sku in (:skus)""")
                .param("company", companyId)
                .param("channel", channel)
                .param("skus", skus)
                .query((rs, n) -> items.put(rs.getString(1), rs.getString(2)))
                .list();
        return items;
    }

    public void saveMapping(long companyId, String channel, String externalSku, long itemId) {
        jdbc.sql("delete from sku_mapping where company_id = ? and channel = ? and external_sku = ?")
                .params(companyId, channel, externalSku)
                .update();
        jdbc.sql("insert into sku_mapping (company_id, channel, external_sku, item_id) values (?, ?, ?, ?)")
                .params(companyId, channel, externalSku, itemId)
                .update();
    }

    /** The mappings of one channel, or of all when {@code channel} is null. */
    public List<SkuMapping> mappings(long companyId, String channel) {
        String sql = """
                select m.channel, m.external_sku, i.code from sku_mapping m
                join item i on i.company_id = m.company_id and i.id = m.item_id
                where m.company_id = ?""";
        String order = " order by m.channel, m.external_sku";
        var query = channel == null
                ? jdbc.sql(sql + order).params(companyId)
                : jdbc.sql(sql + " and m.channel = ?" + order).params(companyId, channel);
        return query.query((rs, n) -> new SkuMapping(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
