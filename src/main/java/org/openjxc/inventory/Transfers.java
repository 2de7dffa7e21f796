package org.openjxc.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.document.PostingDocument;
import org.openjxc.document.PostingLine;
import org.openjxc.inventory.internal.StockRows;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.Rounding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipt of transfers: what a posted transfer shipped waits in transit at the destination until
 * it is received there, all at once or in parts.
 */
@Service
public class Transfers {

    private final Documents documents;
    private final StockLedger ledger;
    private final StockRows rows;
    private final Warehouses warehouses;

    Transfers(Documents documents, StockLedger ledger, StockRows rows, Warehouses warehouses) {
        this.documents = documents;
        this.ledger = ledger;
        this.rows = rows;
        this.warehouses = warehouses;
    }

    /** Receives the given lines, or everything still in transit when {@code lines} is empty. */
    @Transactional
    public DocumentView receive(Actor actor, long id, List<ReceiveLine> lines) {
        PostingDocument d = documents.lockPostedTransfer(actor, id);
        DocumentView view = documents.get(actor, id);
        Map<Integer, PostingLine> byLine =
                d.lines().stream().collect(Collectors.toMap(PostingLine::line, Function.identity()));
        List<ReceiveLine> wanted = lines == null || lines.isEmpty()
                ? d.lines().stream()
                        .map(l -> new ReceiveLine(l.line(), null, null))
                        .toList()
                : lines;
        List<FieldViolation> v = new ArrayList<>();
        record Receipt(PostingLine line, BigDecimal qty, long binId) {}
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            ReceiveLine r = wanted.get(i);
            String at = "lines[" + i + "].";
            PostingLine line = byLine.get(r.line());
            if (line == null) {
                v.add(FieldViolation.of(at + "line", "error.transfer.noLine", r.line()));
                continue;
            }
            BigDecimal open = line.baseQty().subtract(line.receivedQty());
            BigDecimal qty = r.qty() == null ? open : r.qty();
            if (qty.signum() == 0 && (lines == null || lines.isEmpty())) {
                continue;
            }
            if (qty.compareTo(open) > 0 || qty.signum() <= 0) {
                v.add(FieldViolation.of(
                        at + "qty", "error.transfer.beyondOpen", Rounding.plain(qty), Rounding.plain(open)));
                continue;
            }
            long binId = line.toBinId();
            if (r.bin() != null && !r.bin().isBlank()) {
                try {
                    binId = warehouses.bin(actor, view.toWarehouse(), r.bin()).id();
                } catch (BusinessException unknown) {
                    v.add(FieldViolation.of(at + "bin", "error.bin.unknown", r.bin(), view.toWarehouse()));
                    continue;
                }
            }
            receipts.add(new Receipt(line, qty, binId));
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        if (receipts.isEmpty()) {
            throw new BusinessException(
                    org.openjxc.shared.ErrorCode.INVALID_STATE, "error.transfer.nothingOpen", view.number());
        }
        StringBuilder note = new StringBuilder();
        var inTransit = rows.inTransitByBatch(d.companyId(), d.id(), d.toWarehouseId());
        ledger.receive(
                d,
                receipts.stream()
                        .map(r -> new StockLedger.Receiving(
                                r.line(),
                                r.qty(),
                                r.binId(),
                                inTransit.getOrDefault(r.line().line(), Map.of())))
                        .toList());
        Map<Integer, BigDecimal> received = new java.util.LinkedHashMap<>();
        receipts.forEach(r -> received.merge(r.line().line(), r.qty(), BigDecimal::add));
        documents.recordReceipts(actor, id, received);
        for (Receipt r : receipts) {
            note.append("line ")
                    .append(r.line().line())
                    .append(": ")
                    .append(Rounding.plain(r.qty()))
                    .append("; ");
        }
        return documents.finishReceipt(actor, id, note.toString().trim());
    }
}
