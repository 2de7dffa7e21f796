package org.openjxc.inventory.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.openjxc.document.DocumentView;
import org.openjxc.inventory.ReceiveLine;
import org.openjxc.inventory.RevaluationView;
import org.openjxc.inventory.Revaluations;
import org.openjxc.inventory.Stock;
import org.openjxc.inventory.StockMoveView;
import org.openjxc.inventory.StockPosition;
import org.openjxc.inventory.StockQuery;
import org.openjxc.inventory.StockSummary;
import org.openjxc.inventory.Transfers;
import org.openjxc.inventory.Verification;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stock over the API (API.md "Stock") and the receipt of transfers. */
@RestController
@Tag(name = "Stock")
class StockApiController {

    /** The body of a transfer receipt; no lines means everything still in transit. */
    record ReceiveRequest(List<@Valid ReceiveLine> lines) {}

    /** 成本重算: one item or all, one warehouse or all, from a date (or the beginning). */
    record RevaluationRequest(String item, String warehouse, LocalDate from) {}

    /** How many re-valuations a request queued. */
    record RevaluationsQueued(int queued) {}

    private final Stock stock;
    private final Transfers transfers;
    private final Revaluations revaluations;

    StockApiController(Stock stock, Transfers transfers, Revaluations revaluations) {
        this.stock = stock;
        this.transfers = transfers;
        this.revaluations = revaluations;
    }

    @GetMapping("/api/v1/stock/revaluations")
    @RequiresPermission(Permission.VIEW_COST)
    PageResult<RevaluationView> revaluations(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return revaluations.list(Actors.require(), status, PageQuery.of(page, size, null));
    }

    @PostMapping("/api/v1/stock/revaluations")
    @RequiresPermission(Permission.RECALCULATE_STOCK)
    RevaluationsQueued revalue(@RequestBody(required = false) RevaluationRequest request) {
        var r = request == null ? new RevaluationRequest(null, null, null) : request;
        return new RevaluationsQueued(revaluations.request(Actors.require(), r.item(), r.warehouse(), r.from()));
    }

    @GetMapping("/api/v1/stock")
    @RequiresPermission(Permission.VIEW_STOCK)
    PageResult<StockPosition> positions(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String bin,
            @RequestParam(required = false) String batch,
            @RequestParam(required = false) org.openjxc.document.StockStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean includeZero,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return stock.positions(
                Actors.require(),
                new StockQuery(item, warehouse, bin, batch, status == null ? null : status.name(), q, includeZero),
                PageQuery.of(page, size, sort));
    }

    @GetMapping("/api/v1/stock/summary")
    @RequiresPermission(Permission.VIEW_STOCK)
    PageResult<StockSummary> summary(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean includeZero,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return stock.summaries(
                Actors.require(),
                new StockQuery(item, warehouse, null, null, null, q, includeZero),
                PageQuery.of(page, size, sort));
    }

    @GetMapping("/api/v1/stock/moves")
    @RequiresPermission(Permission.VIEW_STOCK)
    PageResult<StockMoveView> moves(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return stock.moves(
                Actors.require(),
                new StockQuery(item, warehouse, null, null, null, null, true),
                from,
                to,
                PageQuery.of(page, size, null));
    }

    @GetMapping("/api/v1/stock/verify")
    @RequiresPermission(Permission.VIEW_STOCK)
    Verification verify() {
        return stock.verify(Actors.require());
    }

    @PostMapping("/api/v1/stock/recalculate")
    @RequiresPermission(Permission.RECALCULATE_STOCK)
    Verification recalculate() {
        return stock.recalculate(Actors.require());
    }

    @PostMapping("/api/v1/documents/{id}/receive")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView receive(@PathVariable long id, @Valid @RequestBody(required = false) ReceiveRequest request) {
        return transfers.receive(Actors.require(), id, request == null ? List.of() : request.lines());
    }
}
