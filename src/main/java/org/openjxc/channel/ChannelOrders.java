package org.openjxc.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.Items;
import org.openjxc.channel.internal.ChannelRows;
import org.openjxc.document.DocumentCommand;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.document.LineCommand;
import org.openjxc.document.Settings;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.Permission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports shop and till orders as sales orders. Each order stands alone: it becomes one sales
 * order (posted, so it reserves, unless the company wants sales orders approved first), or it is
 * refused whole with every reason, or it is recognised as imported before — by its external id,
 * claimed in the same transaction that creates the order, so even two imports at once make one.
 */
@Service
public class ChannelOrders {

    private final ChannelRows rows;
    private final Documents documents;
    private final Items items;
    private final Settings settings;
    private final AuditLog audit;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    ChannelOrders(
            ChannelRows rows,
            Documents documents,
            Items items,
            Settings settings,
            AuditLog audit,
            MessageSource messages,
            TransactionTemplate transactions) {
        this.rows = rows;
        this.documents = documents;
        this.items = items;
        this.settings = settings;
        this.audit = audit;
        this.messages = messages;
        this.transactions = transactions;
    }

    public List<ChannelOrderResult> importOrders(Actor actor, ChannelImport batch) {
        if (!Actors.has(Permission.CREATE_SALES_ORDER)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.document.permission", "CREATE_SALES_ORDER");
        }
        String channel = batch.channel().trim().toUpperCase(Locale.ROOT);
        Map<String, String> mapped = rows.mappedItems(
                actor.companyId(),
                channel,
                batch.orders().stream()
                        .flatMap(o -> o.lines().stream())
                        .map(l -> l.sku().trim())
                        .distinct()
                        .toList());
        boolean post = !settings.get(actor.companyId()).requiresApproval(DocumentType.SALES_ORDER);
        List<ChannelOrderResult> results = new ArrayList<>();
        for (ChannelOrder order : batch.orders()) {
            results.add(importOne(actor, channel, order, mapped, post));
        }
        return results;
    }

    private ChannelOrderResult importOne(
            Actor actor, String channel, ChannelOrder order, Map<String, String> mapped, boolean post) {
        String externalId = order.externalId().trim();
        var earlier = rows.documentOf(actor.companyId(), channel, externalId);
        if (earlier.isPresent()) {
            return duplicate(actor, externalId, earlier.get());
        }
        List<FieldViolation> unknown = new ArrayList<>();
        List<LineCommand> lines = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            ChannelOrderLine l = order.lines().get(i);
            String item = itemOf(actor, l.sku().trim(), mapped);
            if (item == null) {
                unknown.add(FieldViolation.of("lines[" + i + "].sku", "channel.unknownSku", l.sku(), channel));
            }
            lines.add(new LineCommand(
                    item, l.qty(), null, l.price(), null, null, null, null, null, null, null, null, null));
        }
        if (!unknown.isEmpty()) {
            return rejected(externalId, unknown);
        }
        var command = new DocumentCommand(
                DocumentType.SALES_ORDER,
                order.date(),
                order.warehouse(),
                null,
                order.customer(),
                null,
                order.remark() == null ? channel + " " + externalId : order.remark(),
                lines,
                null);
        try {
            DocumentView created = transactions.execute(tx -> {
                rows.claim(actor.companyId(), channel, externalId);
                DocumentView doc = documents.create(actor, command, post);
                rows.attach(actor.companyId(), channel, externalId, doc.id());
                audit.record("IMPORT", "ChannelOrder", channel + "/" + externalId, null, doc.number());
                return doc;
            });
            return new ChannelOrderResult(externalId, "CREATED", created.id(), created.number(), List.of());
        } catch (DuplicateKeyException raced) {
            return rows.documentOf(actor.companyId(), channel, externalId)
                    .map(id -> duplicate(actor, externalId, id))
                    .orElseGet(() -> rejected(externalId, List.of(FieldViolation.of("externalId", "channel.busy"))));
        } catch (BusinessException e) {
            return rejected(
                    externalId,
                    e.violations().isEmpty()
                            ? List.of(FieldViolation.of(
                                    "", e.messageKey(), e.args().toArray()))
                            : e.violations());
        }
    }

    /** Our item code for a shop's SKU: its mapping, else an item with that code, else with that barcode. */
    private String itemOf(Actor actor, String sku, Map<String, String> mapped) {
        if (mapped.containsKey(sku)) {
            return mapped.get(sku);
        }
        return items.find(actor.companyId(), sku)
                .map(ItemView::code)
                .or(() -> items.findByBarcode(actor, sku).map(ItemView::code))
                .orElse(null);
    }

    private ChannelOrderResult duplicate(Actor actor, String externalId, long documentId) {
        return new ChannelOrderResult(
                externalId,
                "DUPLICATE",
                documentId,
                documents.get(actor, documentId).number(),
                List.of());
    }

    private ChannelOrderResult rejected(String externalId, List<FieldViolation> violations) {
        Locale locale = LocaleContextHolder.getLocale();
        return new ChannelOrderResult(
                externalId,
                "REJECTED",
                null,
                null,
                violations.stream()
                        .map(v -> new ChannelOrderResult.Reason(
                                v.field(),
                                messages.getMessage(v.messageKey(), v.args().toArray(), v.messageKey(), locale)))
                        .toList());
    }

    @Transactional
    public SkuMapping map(Actor actor, SkuMapping mapping) {
        if (!Actors.has(Permission.EDIT_ITEM)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.document.permission", "EDIT_ITEM");
        }
        ItemView item = items.find(actor.companyId(), mapping.item().trim())
                .orElseThrow(
                        () -> BusinessException.invalid("item", "error.reference.unknown", "Item", mapping.item()));
        String channel = mapping.channel().trim().toUpperCase(Locale.ROOT);
        rows.saveMapping(actor.companyId(), channel, mapping.externalSku().trim(), item.id());
        audit.record("MAP", "SkuMapping", channel + "/" + mapping.externalSku().trim(), null, item.code());
        return new SkuMapping(channel, mapping.externalSku().trim(), item.code());
    }

    @Transactional(readOnly = true)
    public List<SkuMapping> mappings(Actor actor, String channel) {
        return rows.mappings(
                actor.companyId(),
                channel == null || channel.isBlank() ? null : channel.trim().toUpperCase(Locale.ROOT));
    }
}
