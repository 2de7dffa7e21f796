package org.openjxc.production.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openjxc.production.BomKind;
import org.openjxc.production.BomView;
import org.openjxc.production.Boms;
import org.openjxc.production.Production;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ExcelExport;
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

/** BOM pages (list, editor, explosion), a production order's progress, and the tolerance override. */
@Controller
class ProductionPagesController {

    private static final String[] HEADERS = {
        "bom.item",
        "bom.version",
        "bom.kind",
        "bom.outputQty",
        "bom.validFrom",
        "bom.validTo",
        "bom.tolerance",
        "bom.labourRate",
        "bom.overheadRate",
        "bom.active",
        "bom.inUse"
    };

    private final Boms boms;
    private final Production production;
    private final FormErrors formErrors;
    private final MessageSource messages;

    ProductionPagesController(Boms boms, Production production, FormErrors formErrors, MessageSource messages) {
        this.boms = boms;
        this.production = production;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry bomsNavigation() {
        return new NavigationEntry("nav.section.production", "nav.boms", "/production/boms", "VIEW_ITEM", 300);
    }

    @GetMapping("/production/boms")
    @RequiresPermission(Permission.VIEW_ITEM)
    String list(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) BomKind kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        model.addAttribute("item", item);
        model.addAttribute("kind", kind);
        model.addAttribute("sort", sort);
        model.addAttribute("kinds", BomKind.values());
        model.addAttribute("boms", boms.list(Actors.require(), item, kind, PageQuery.of(page, null, sort)));
        return "production/boms";
    }

    @GetMapping("/production/boms/export")
    @RequiresPermission(Permission.VIEW_ITEM)
    void export(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) BomKind kind,
            HttpServletResponse response)
            throws IOException {
        Actor actor = Actors.require();
        var locale = LocaleContextHolder.getLocale();
        List<String> headers = Arrays.stream(HEADERS)
                .map(h -> messages.getMessage(h, null, locale))
                .toList();
        ExcelExport.write(
                response,
                "boms.xlsx",
                headers,
                sink -> ExcelExport.eachOfAllPages(
                        p -> boms.list(actor, item, kind, PageQuery.of(p, PageQuery.MAX_SIZE, null)),
                        (BomView b) -> sink.accept(Arrays.asList(
                                b.item() + " " + b.itemName(),
                                b.version(),
                                messages.getMessage("bomKind." + b.kind(), null, locale),
                                b.outputQty(),
                                b.validFrom(),
                                b.validTo(),
                                b.tolerancePercent(),
                                b.labourRate(),
                                b.overheadRate(),
                                b.active(),
                                b.inUse()))));
    }

    @GetMapping("/production/boms/new")
    @RequiresPermission(Permission.MANAGE_BOMS)
    String newBom(@RequestParam(required = false) String item, @RequestParam(required = false) Long copy, Model model) {
        BomForm form;
        if (copy != null) {
            // A new version starts as a copy of another, valid from today; the old one is given an end date.
            form = BomForm.of(boms.get(Actors.require(), copy));
            form.setVersion(null);
            form.setValidFrom(java.time.LocalDate.now());
            form.setValidTo(null);
        } else {
            form = new BomForm();
            form.setItem(item);
        }
        form.padRows(BomForm.BLANK_ROWS);
        return form(model, form, null);
    }

    @PostMapping("/production/boms/new")
    @RequiresPermission(Permission.MANAGE_BOMS)
    String create(
            @ModelAttribute("form") BomForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes flash) {
        if (action.equals("addLine")) {
            form.padRows(3);
            return form(model, form, null);
        }
        var command = form.toCommand();
        var saved = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> boms.create(Actors.require(), command));
        if (saved.isPresent()) {
            return saved(saved.get(), flash);
        }
        form.padRows(1);
        return form(model, form, null);
    }

    @GetMapping("/production/boms/{id}/edit")
    @RequiresPermission(Permission.MANAGE_BOMS)
    String edit(@PathVariable long id, Model model) {
        var form = BomForm.of(boms.get(Actors.require(), id));
        form.padRows(2);
        return form(model, form, id);
    }

    @PostMapping("/production/boms/{id}/edit")
    @RequiresPermission(Permission.MANAGE_BOMS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") BomForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes flash) {
        if (action.equals("addLine")) {
            form.padRows(3);
            return form(model, form, id);
        }
        var command = form.toCommand();
        var saved = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> boms.update(Actors.require(), id, command));
        if (saved.isPresent()) {
            return saved(saved.get(), flash);
        }
        form.padRows(1);
        return form(model, form, id);
    }

    @GetMapping("/production/boms/{id}")
    @RequiresPermission(Permission.VIEW_ITEM)
    String detail(
            @PathVariable long id,
            @RequestParam(required = false) BigDecimal qty,
            @RequestParam(required = false) String warehouse,
            Model model) {
        Actor actor = Actors.require();
        BomView bom = boms.get(actor, id);
        BigDecimal made = qty == null || qty.signum() <= 0 ? bom.outputQty() : qty;
        model.addAttribute("bom", bom);
        model.addAttribute("qty", made);
        model.addAttribute("rows", boms.explode(actor, id, made, warehouse));
        BigDecimal unit = boms.standardUnitCost(actor, id, warehouse);
        model.addAttribute("standardUnitCost", unit);
        return "production/bom";
    }

    @GetMapping("/production/orders/{id}")
    @RequiresPermission(Permission.VIEW_PRODUCTION_ORDER)
    String order(@PathVariable long id, Model model) {
        model.addAttribute("order", production.order(Actors.require(), id));
        return "production/order";
    }

    @PostMapping("/production/documents/{id}/override")
    @RequiresPermission(Permission.OVERRIDE_PRODUCTION_TOLERANCE)
    String override(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            production.override(Actors.require(), id, reason);
            flash.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "production.overridden", new Object[] {reason}, LocaleContextHolder.getLocale()));
        } catch (BusinessException e) {
            Object[] args = e.args().toArray();
            flash.addFlashAttribute(
                    "flashError",
                    e.violations().isEmpty()
                            ? messages.getMessage(e.messageKey(), args, LocaleContextHolder.getLocale())
                            : messages.getMessage(
                                    e.violations().get(0).messageKey(),
                                    e.violations().get(0).args().toArray(),
                                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/documents/" + id;
    }

    private String saved(BomView bom, RedirectAttributes flash) {
        flash.addFlashAttribute(
                "flashSuccess",
                messages.getMessage(
                        "bom.saved", new Object[] {bom.item(), bom.version()}, LocaleContextHolder.getLocale()));
        return "redirect:/production/boms/" + bom.id();
    }

    private String form(Model model, BomForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("kinds", BomKind.values());
        return "production/bom-form";
    }
}
