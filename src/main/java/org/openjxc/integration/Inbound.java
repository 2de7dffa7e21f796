package org.openjxc.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjxc.audit.AuditLog;
import org.openjxc.document.DocumentCommand;
import org.openjxc.document.DocumentType;
import org.openjxc.document.Documents;
import org.openjxc.document.LineCommand;
import org.openjxc.integration.internal.InboundRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages from partner systems (3PL, WMS): each is kept as it arrived, then mapped by its mapping
 * onto a document that is created and posted — a delivery of the sales order it confirms shipped,
 * a return of the delivery it received back. A message that does not map, or whose document is
 * refused, is parked with the reason; a person corrects it (or the data it needs) and replays it.
 * Nothing is dropped, and a message's document is written in the same transaction as its status,
 * so a replay never posts twice.
 */
@Service
public class Inbound {

    private static final Set<String> HEADER_FIELDS = Set.of("reference", "lines", "date");
    private static final Set<String> LINE_FIELDS = Set.of("item", "qty", "batch");
    private static final java.util.regex.Pattern PATH =
            java.util.regex.Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

    private final InboundRows rows;
    private final Documents documents;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final AuditLog audit;

    Inbound(
            InboundRows rows,
            Documents documents,
            JsonMapper json,
            TransactionTemplate transactions,
            MessageSource messages,
            AuditLog audit) {
        this.rows = rows;
        this.documents = documents;
        this.json = json;
        this.transactions = transactions;
        this.messages = messages;
        this.audit = audit;
    }

    /** Saves a mapping after checking it: the required targets are there, every path is a dot path. */
    public InboundMappingView saveMapping(Actor actor, InboundMappingCommand c) {
        actor.scope().requireWholeCompany();
        List<FieldViolation> v = new ArrayList<>();
        for (String required : List.of("reference", "lines", "line.item", "line.qty")) {
            if (!c.fields().containsKey(required)) {
                v.add(FieldViolation.of("fields." + required, "error.inbound.required", required));
            }
        }
        c.fields().forEach((target, path) -> {
            boolean known = target.startsWith("line.")
                    ? LINE_FIELDS.contains(target.substring(5))
                    : HEADER_FIELDS.contains(target);
            if (!known) {
                v.add(FieldViolation.of("fields." + target, "error.inbound.target", target));
            } else if (path == null || !PATH.matcher(path).matches()) {
                v.add(FieldViolation.of("fields." + target, "error.inbound.path", path));
            }
        });
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        return transactions.execute(tx -> {
            if (rows.mapping(actor.companyId(), c.code()).isPresent()) {
                throw BusinessException.duplicateCode("InboundMapping", "code", c.code());
            }
            rows.insertMapping(
                    actor.companyId(), c.code(), c.kind(), json.writeValueAsString(new LinkedHashMap<>(c.fields())));
            audit.record("CREATE", "InboundMapping", c.code(), null, c);
            return mappingView(rows.mapping(actor.companyId(), c.code()).orElseThrow());
        });
    }

    public List<InboundMappingView> mappings(Actor actor) {
        return rows.mappings(actor.companyId()).stream().map(this::mappingView).toList();
    }

    /** Keeps a message, then processes it: the answer says whether it posted or why it is parked. */
    public InboundMessageView receive(Actor actor, String mappingCode, String payload) {
        InboundRows.Mapping mapping = rows.mapping(actor.companyId(), mappingCode)
                .filter(InboundRows.Mapping::active)
                .orElseThrow(() -> BusinessException.notFound("InboundMapping", mappingCode));
        long id = transactions.execute(tx -> rows.insertMessage(actor.companyId(), mapping.id(), payload));
        return process(actor, mapping, id, payload);
    }

    /** Processes a parked message again, with its payload corrected when one is given. */
    public InboundMessageView replay(Actor actor, long id, String correctedPayload) {
        actor.scope().requireWholeCompany();
        InboundMessageView message =
                rows.message(actor.companyId(), id).orElseThrow(() -> BusinessException.notFound("InboundMessage", id));
        if (!message.status().equals("PARKED")) {
            throw new BusinessException(
                    org.openjxc.shared.ErrorCode.INVALID_STATE, "error.inbound.notParked", id, message.status());
        }
        InboundRows.Mapping mapping =
                rows.mapping(actor.companyId(), message.mapping()).orElseThrow();
        String payload = correctedPayload == null ? message.payload() : correctedPayload;
        transactions.executeWithoutResult(tx -> {
            rows.updatePayload(actor.companyId(), id, payload);
            audit.record("REPLAY", "InboundMessage", id, null, Map.of("corrected", correctedPayload != null));
        });
        return process(actor, mapping, id, payload);
    }

    public PageResult<InboundMessageView> messages(Actor actor, String status, PageQuery page) {
        actor.scope().requireWholeCompany();
        return rows.messages(actor.companyId(), status, page);
    }

    private InboundMessageView process(Actor actor, InboundRows.Mapping mapping, long id, String payload) {
        try {
            transactions.executeWithoutResult(tx -> {
                DocumentCommand command = command(actor, mapping, payload);
                long document = documents.create(actor, command, true).id();
                rows.processed(actor.companyId(), id, document);
            });
        } catch (BusinessException e) {
            String reason = reason(e);
            transactions.executeWithoutResult(tx -> rows.parked(actor.companyId(), id, reason));
        }
        return rows.message(actor.companyId(), id).orElseThrow();
    }

    /** The document a message stands for, by its mapping; a value it lacks is a reason to park it. */
    private DocumentCommand command(Actor actor, InboundRows.Mapping mapping, String payload) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (RuntimeException e) {
            throw BusinessException.invalid("payload", "error.inbound.json");
        }
        Map<String, String> fields = mapping.fields();
        String reference = text(root, fields.get("reference"));
        if (reference == null) {
            throw BusinessException.invalid("reference", "error.inbound.missing", fields.get("reference"));
        }
        DocumentType expected = mapping.kind() == InboundKind.SHIPMENT_CONFIRMED
                ? DocumentType.SALES_ORDER
                : DocumentType.SALES_DELIVERY;
        InboundRows.Source source = rows.source(actor.companyId(), reference)
                .filter(s -> s.type().equals(expected.name()))
                .orElseThrow(
                        () -> BusinessException.invalid("reference", "error.inbound.reference", reference, expected));
        JsonNode lines = at(root, fields.get("lines"));
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw BusinessException.invalid("lines", "error.inbound.missing", fields.get("lines"));
        }
        Map<String, BigDecimal> prices = rows.pricesPerBaseUnit(actor.companyId(), source.id());
        List<LineCommand> commands = new ArrayList<>();
        int i = 0;
        for (JsonNode line : lines) {
            String item = text(line, fields.get("line.item"));
            String qty = text(line, fields.get("line.qty"));
            if (item == null || qty == null) {
                throw BusinessException.invalid(
                        "lines[" + i + "]",
                        "error.inbound.missing",
                        item == null ? fields.get("line.item") : fields.get("line.qty"));
            }
            BigDecimal quantity;
            try {
                quantity = new BigDecimal(qty);
            } catch (NumberFormatException e) {
                throw BusinessException.invalid("lines[" + i + "].qty", "error.inbound.number", qty);
            }
            String batch = fields.containsKey("line.batch") ? text(line, fields.get("line.batch")) : null;
            commands.add(new LineCommand(
                    item,
                    quantity,
                    null,
                    prices.get(item),
                    null,
                    null,
                    batch,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
            i++;
        }
        String date = fields.containsKey("date") ? text(root, fields.get("date")) : null;
        LocalDate day;
        try {
            day = date == null ? LocalDate.now() : LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
        } catch (java.time.format.DateTimeParseException e) {
            throw BusinessException.invalid("date", "error.inbound.date", date);
        }
        return new DocumentCommand(
                expected == DocumentType.SALES_ORDER ? DocumentType.SALES_DELIVERY : DocumentType.SALES_RETURN,
                day,
                source.warehouse(),
                null,
                null,
                source.id(),
                mapping.code() + " " + reference,
                commands,
                null);
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n.isMissingNode() || n.isNull() ? null : n;
    }

    private static String text(JsonNode node, String path) {
        JsonNode n = at(node, path);
        return n == null || n.isContainer() ? null : n.asString();
    }

    /** Why a message is parked, in words (Chinese, as the people fixing it read) with the stable code. */
    private String reason(BusinessException e) {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        StringBuilder s = new StringBuilder(e.code().name()).append(": ");
        if (e.violations().isEmpty()) {
            s.append(messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), zh));
        } else {
            for (FieldViolation f : e.violations()) {
                s.append(f.field())
                        .append(" ")
                        .append(messages.getMessage(f.messageKey(), f.args().toArray(), f.messageKey(), zh))
                        .append("; ");
            }
        }
        return s.length() > 1000 ? s.substring(0, 1000) : s.toString();
    }

    private InboundMappingView mappingView(InboundRows.Mapping m) {
        return new InboundMappingView(m.id(), m.code(), m.kind(), m.fields(), m.active());
    }
}
