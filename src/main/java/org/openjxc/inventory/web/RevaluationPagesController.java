package org.openjxc.inventory.web;

import java.time.LocalDate;
import org.openjxc.inventory.Revaluations;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 成本重算: the re-valuations of back-dated postings with their progress, and asking for one. */
@Controller
class RevaluationPagesController {

    private final Revaluations revaluations;

    RevaluationPagesController(Revaluations revaluations) {
        this.revaluations = revaluations;
    }

    @Bean
    static NavigationEntry revaluationNavigation() {
        return new NavigationEntry(
                "nav.section.inventory", "nav.revaluations", "/stock/revaluations", "VIEW_COST", 235);
    }

    @GetMapping("/stock/revaluations")
    @RequiresPermission(Permission.VIEW_COST)
    String list(
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        var actor = Actors.require();
        model.addAttribute("revaluations", revaluations.list(actor, status, PageQuery.of(page, 50, null)));
        model.addAttribute("busy", revaluations.busy(actor.companyId()));
        model.addAttribute("status", status);
        return "inventory/revaluations";
    }

    @PostMapping("/stock/revaluations")
    @RequiresPermission(Permission.RECALCULATE_STOCK)
    String request(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            RedirectAttributes flash) {
        flash.addFlashAttribute("queued", revaluations.request(Actors.require(), item, warehouse, from));
        return "redirect:/stock/revaluations";
    }
}
