package org.openjxc.finance.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openjxc.finance.PartnerBalance;
import org.openjxc.finance.VoucherQuery;
import org.openjxc.finance.VoucherView;
import org.openjxc.finance.Vouchers;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Vouchers, partner balances and reconciliation (API.md "Finance"). */
@RestController
@Tag(name = "Finance")
class FinanceApiController {

    private final Vouchers vouchers;

    FinanceApiController(Vouchers vouchers) {
        this.vouchers = vouchers;
    }

    /**
     * With {@code sourceDocument}: that document's vouchers, as a list (API.md). Otherwise the
     * voucher book, filtered by date, account, partner and document number, a page at a time.
     */
    @GetMapping("/api/v1/vouchers")
    @RequiresPermission(Permission.VIEW_COST)
    Object vouchers(
            @RequestParam(required = false) Long sourceDocument,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String document,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (sourceDocument != null) {
            List<VoucherView> ofDocument = vouchers.ofDocument(Actors.require(), sourceDocument);
            return ofDocument;
        }
        return vouchers.list(
                Actors.require(),
                new VoucherQuery(from, to, account, partner, document),
                PageQuery.of(page, size, null));
    }

    @GetMapping("/api/v1/partners/{code}/balance")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    PartnerBalance balance(@PathVariable String code) {
        return vouchers.balance(Actors.require(), code);
    }

    @GetMapping("/api/v1/reconciliation")
    @RequiresPermission(Permission.VIEW_COST)
    Map<String, Object> reconciliation(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return Map.of("checks", vouchers.reconcile(Actors.require(), date));
    }

    /** Runs the checks now and keeps the figures, as the nightly run does; the dashboard alerts from them. */
    @PostMapping("/api/v1/reconciliation/run")
    @RequiresPermission(Permission.MANAGE_PERIODS)
    Map<String, Object> run() {
        return Map.of("checks", vouchers.runReconciliation(Actors.require()));
    }
}
