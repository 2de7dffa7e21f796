package org.openjxc.finance.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openjxc.finance.OpenItem;
import org.openjxc.finance.PartnerStatement;
import org.openjxc.finance.SettlementCommand;
import org.openjxc.finance.SettlementKind;
import org.openjxc.finance.SettlementView;
import org.openjxc.finance.Settlements;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Receipts and payments, open items and ageing over the API. */
@RestController
@Tag(name = "Finance")
class SettlementApiController {

    private final Settlements settlements;

    SettlementApiController(Settlements settlements) {
        this.settlements = settlements;
    }

    @PostMapping("/api/v1/settlements")
    @RequiresPermission(Permission.MANAGE_SETTLEMENTS)
    @ResponseStatus(HttpStatus.CREATED)
    SettlementView create(@Valid @RequestBody SettlementCommand command) {
        return settlements.create(Actors.require(), command);
    }

    @GetMapping("/api/v1/settlements")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    PageResult<SettlementView> list(
            @RequestParam(required = false) SettlementKind kind,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return settlements.list(Actors.require(), kind, partner, from, to, PageQuery.of(page, size, null));
    }

    @GetMapping("/api/v1/settlements/{number}")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    SettlementView get(@PathVariable String number) {
        return settlements.get(Actors.require(), number);
    }

    @PostMapping("/api/v1/settlements/{number}/cancel")
    @RequiresPermission(Permission.MANAGE_SETTLEMENTS)
    SettlementView cancel(@PathVariable String number) {
        return settlements.cancel(Actors.require(), number);
    }

    /** {@code kind=RECEIPT}: what the customer owes; {@code PAYMENT}: what is owed to the supplier. */
    @GetMapping("/api/v1/partners/{code}/open-items")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    Map<String, List<OpenItem>> openItems(
            @PathVariable String code, @RequestParam(defaultValue = "RECEIPT") SettlementKind kind) {
        return Map.of("items", settlements.openItems(Actors.require(), code, kind));
    }

    @GetMapping("/api/v1/partners/{code}/statement")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    PartnerStatement statement(
            @PathVariable String code,
            @RequestParam(required = false) SettlementKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return settlements.statement(Actors.require(), code, kind, from, to);
    }

    @GetMapping("/api/v1/reports/ageing")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    Map<String, Object> ageing(
            @RequestParam(defaultValue = "RECEIPT") SettlementKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return Map.of("items", settlements.ageing(Actors.require(), kind, date));
    }
}
