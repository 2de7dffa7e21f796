package org.openjxc.finance.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.openjxc.finance.AccountCommand;
import org.openjxc.finance.AccountView;
import org.openjxc.finance.ChartOfAccounts;
import org.openjxc.finance.VoucherRuleCommand;
import org.openjxc.finance.VoucherRuleView;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The chart of accounts and the voucher rules over the API. */
@RestController
@Tag(name = "Finance")
class ChartOfAccountsApiController {

    private final ChartOfAccounts chart;

    ChartOfAccountsApiController(ChartOfAccounts chart) {
        this.chart = chart;
    }

    @GetMapping("/api/v1/accounts")
    @RequiresPermission(Permission.VIEW_COST)
    Map<String, List<AccountView>> accounts() {
        return Map.of("items", chart.accounts(Actors.require()));
    }

    /** Adds the account, or renames it when the code exists. */
    @PostMapping("/api/v1/accounts")
    @RequiresPermission(Permission.MANAGE_ACCOUNTS)
    AccountView save(@Valid @RequestBody AccountCommand command) {
        return chart.save(Actors.require(), command);
    }

    @GetMapping("/api/v1/voucher-rules")
    @RequiresPermission(Permission.VIEW_COST)
    Map<String, List<VoucherRuleView>> rules() {
        return Map.of("items", chart.rules(Actors.require()));
    }

    @PutMapping("/api/v1/voucher-rules")
    @RequiresPermission(Permission.MANAGE_ACCOUNTS)
    Map<String, List<VoucherRuleView>> setRule(@Valid @RequestBody VoucherRuleCommand command) {
        return Map.of("items", chart.setRule(Actors.require(), command));
    }
}
