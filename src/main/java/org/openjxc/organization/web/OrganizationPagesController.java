package org.openjxc.organization.web;

import java.util.function.UnaryOperator;
import org.openjxc.organization.OrgUnits;
import org.openjxc.organization.Warehouses;
import org.openjxc.organization.web.OrganizationForms.BinForm;
import org.openjxc.organization.web.OrganizationForms.OrgUnitForm;
import org.openjxc.organization.web.OrganizationForms.WarehouseForm;
import org.openjxc.shared.Actors;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.FormErrors;
import org.openjxc.web.NavigationEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Warehouse, bin and org unit pages. */
@Controller
class OrganizationPagesController {

    private static final PageQuery ALL_ORG_UNITS = PageQuery.of(0, PageQuery.MAX_SIZE, null);

    private final Warehouses warehouses;
    private final OrgUnits orgUnits;
    private final FormErrors formErrors;
    private final MessageSource messages;

    OrganizationPagesController(
            Warehouses warehouses, OrgUnits orgUnits, FormErrors formErrors, MessageSource messages) {
        this.warehouses = warehouses;
        this.orgUnits = orgUnits;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry warehousesNavigation() {
        return new NavigationEntry("nav.section.masterData", "nav.warehouses", "/warehouses", "VIEW_WAREHOUSE", 120);
    }

    @Bean
    static NavigationEntry orgUnitsNavigation() {
        return new NavigationEntry("nav.section.masterData", "nav.orgUnits", "/org-units", "VIEW_WAREHOUSE", 130);
    }

    @GetMapping("/warehouses")
    @RequiresPermission(Permission.VIEW_WAREHOUSE)
    String warehouses(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("orgUnit", orgUnit);
        model.addAttribute("active", active);
        model.addAttribute("sort", sort);
        model.addAttribute(
                "orgUnits",
                orgUnits.list(Actors.require(), MasterDataQuery.of(null, null), ALL_ORG_UNITS)
                        .items());
        model.addAttribute(
                "result",
                warehouses.list(
                        Actors.require(), MasterDataQuery.of(q, active), orgUnit, PageQuery.of(page, 50, sort)));
        return "organization/warehouses";
    }

    @GetMapping("/warehouses/new")
    @RequiresPermission(Permission.CREATE_WAREHOUSE)
    String newWarehouse(Model model) {
        return warehouseForm(model, new WarehouseForm(), null);
    }

    @PostMapping("/warehouses/new")
    @RequiresPermission(Permission.CREATE_WAREHOUSE)
    String createWarehouse(
            @ModelAttribute("form") WarehouseForm form, BindingResult result, Model model, RedirectAttributes flash) {
        var command = form.toCommand();
        var created = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> warehouses.create(Actors.require(), command));
        if (created.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("warehouses.saved", created.get().code()));
            return "redirect:/warehouses/" + created.get().code();
        }
        return warehouseForm(model, form, null);
    }

    @GetMapping("/warehouses/{code}")
    @RequiresPermission(Permission.VIEW_WAREHOUSE)
    String warehouse(@PathVariable String code, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("warehouse", warehouses.get(Actors.require(), code));
        model.addAttribute("bins", warehouses.bins(Actors.require(), code, null, PageQuery.of(page, 100, null)));
        if (!model.containsAttribute("binForm")) {
            model.addAttribute("binForm", new BinForm());
        }
        return "organization/warehouse";
    }

    @GetMapping("/warehouses/{code}/edit")
    @RequiresPermission(Permission.EDIT_WAREHOUSE)
    String editWarehouse(@PathVariable String code, Model model) {
        return warehouseForm(model, WarehouseForm.of(warehouses.get(Actors.require(), code)), code);
    }

    @PostMapping("/warehouses/{code}/edit")
    @RequiresPermission(Permission.EDIT_WAREHOUSE)
    String updateWarehouse(
            @PathVariable String code,
            @ModelAttribute("form") WarehouseForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        var command = form.toCommand();
        var updated = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> warehouses.update(Actors.require(), code, command));
        if (updated.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("warehouses.saved", updated.get().code()));
            return "redirect:/warehouses/" + updated.get().code();
        }
        return warehouseForm(model, form, code);
    }

    @PostMapping("/warehouses/{code}/bins")
    @RequiresPermission(Permission.CREATE_WAREHOUSE)
    String addBin(
            @PathVariable String code,
            @ModelAttribute("binForm") BinForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        var command = form.toCommand();
        var done = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> warehouses.createBin(Actors.require(), code, command));
        if (done.isPresent()) {
            flash.addFlashAttribute("flashSuccess", message("bins.saved", command.code()));
            return "redirect:/warehouses/" + code;
        }
        return warehouse(code, null, model);
    }

    @GetMapping("/org-units")
    @RequiresPermission(Permission.VIEW_WAREHOUSE)
    String orgUnits(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute(
                "result", orgUnits.list(Actors.require(), MasterDataQuery.of(q, null), PageQuery.of(page, 50, sort)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OrgUnitForm());
        }
        return "organization/org-units";
    }

    @PostMapping("/org-units")
    @RequiresPermission(Permission.CREATE_WAREHOUSE)
    String createOrgUnit(
            @ModelAttribute("form") OrgUnitForm form, BindingResult result, Model model, RedirectAttributes flash) {
        var command = form.toCommand();
        var done = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> orgUnits.create(Actors.require(), command));
        if (done.isPresent()) {
            flash.addFlashAttribute("flashSuccess", message("orgUnits.saved", command.code()));
            return "redirect:/org-units";
        }
        return orgUnits(null, null, null, model);
    }

    private String warehouseForm(Model model, WarehouseForm form, String editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute(
                "orgUnits",
                orgUnits.list(Actors.require(), MasterDataQuery.of(null, null), ALL_ORG_UNITS)
                        .items());
        return "organization/warehouse-form";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
