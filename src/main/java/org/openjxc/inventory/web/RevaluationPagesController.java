package org.openjxc.inventory.web;

import java.time.LocalDate;
import org.openjxc.inventory.Revaluations;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.NavigationEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final MessageSource messages;

    RevaluationPagesController(Revaluations revaluations, MessageSource messages) {
        this.revaluations = revaluations;
        this.messages = messages;
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
        try {
            flash.addFlashAttribute("queued", revaluations.request(Actors.require(), item, warehouse, from));
        } catch (BusinessException e) {
            // Shown beside the field it is about, the form keeping what was entered.
            var v = e.violations().isEmpty() ? null : e.violations().get(0);
            var locale = LocaleContextHolder.getLocale();
            flash.addFlashAttribute("errorField", v == null ? null : v.field());
            flash.addFlashAttribute(
                    "error",
                    v == null
                            ? messages.getMessage(e.messageKey(), e.args().toArray(), locale)
                            : messages.getMessage(v.messageKey(), v.args().toArray(), locale));
            flash.addFlashAttribute("item", item);
            flash.addFlashAttribute("warehouse", warehouse);
            flash.addFlashAttribute("from", from);
        }
        return "redirect:/stock/revaluations";
    }
}
