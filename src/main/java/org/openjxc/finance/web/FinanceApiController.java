package org.openjxc.finance.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.openjxc.finance.PartnerBalance;
import org.openjxc.finance.VoucherView;
import org.openjxc.finance.Vouchers;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    @GetMapping("/api/v1/vouchers")
    @RequiresPermission(Permission.VIEW_COST)
    List<VoucherView> vouchers(@RequestParam long sourceDocument) {
        return vouchers.ofDocument(Actors.require(), sourceDocument);
    }

    @GetMapping("/api/v1/partners/{code}/balance")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    PartnerBalance balance(@PathVariable String code) {
        return vouchers.balance(Actors.require(), code);
    }

    @GetMapping("/api/v1/reconciliation")
    @RequiresPermission(Permission.VIEW_COST)
    Map<String, Object> reconciliation() {
        return Map.of("checks", vouchers.reconcile(Actors.require()));
    }
}
