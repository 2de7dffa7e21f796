package org.openjxc.finance.web;

import org.openjxc.finance.Vouchers;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The vouchers of a document and the reconciliation, as pages. */
@Controller
class FinancePagesController {

    private final Vouchers vouchers;

    FinancePagesController(Vouchers vouchers) {
        this.vouchers = vouchers;
    }

    @Bean
    static NavigationEntry reconciliationNavigation() {
        return new NavigationEntry("nav.section.finance", "nav.reconciliation", "/reconciliation", "VIEW_COST", 700);
    }

    @GetMapping("/documents/{id}/vouchers")
    @RequiresPermission(Permission.VIEW_COST)
    String vouchers(@PathVariable long id, Model model) {
        model.addAttribute("documentId", id);
        model.addAttribute("vouchers", vouchers.ofDocument(Actors.require(), id));
        return "finance/vouchers";
    }

    @GetMapping("/reconciliation")
    @RequiresPermission(Permission.VIEW_COST)
    String reconciliation(Model model) {
        model.addAttribute("checks", vouchers.reconcile(Actors.require()));
        return "finance/reconciliation";
    }
}
