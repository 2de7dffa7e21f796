package org.openjxc.catalog.web;

import org.openjxc.catalog.Categories;
import org.openjxc.catalog.CategoryCommand;
import org.openjxc.catalog.UnitCommand;
import org.openjxc.catalog.Units;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One page for the two short lists behind every item: categories and units of measure. */
@Controller
class CategoryPagesController {

    private final Categories categories;
    private final Units units;
    private final ProblemWriter messages;
    private final jakarta.validation.Validator validator;

    CategoryPagesController(
            Categories categories, Units units, ProblemWriter messages, jakarta.validation.Validator validator) {
        this.validator = validator;
        this.categories = categories;
        this.units = units;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry categoriesNavigation() {
        return new NavigationEntry("nav.section.masterData", "nav.categories", "/categories", "VIEW_ITEM", 140);
    }

    @GetMapping("/categories")
    @RequiresPermission(Permission.VIEW_ITEM)
    String page(Model model) {
        model.addAttribute("categories", categories.list(Actors.require()));
        model.addAttribute("units", units.list(Actors.require()));
        return "catalog/categories";
    }

    @PostMapping("/categories")
    @RequiresPermission(Permission.CREATE_ITEM)
    String addCategory(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String parent,
            RedirectAttributes flash) {
        var command = new CategoryCommand(code, name, parent, null);
        return attempt(flash, "categories.saved", command, () -> categories.create(Actors.require(), command));
    }

    @PostMapping("/units")
    @RequiresPermission(Permission.CREATE_ITEM)
    String addUnit(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            RedirectAttributes flash) {
        var command = new UnitCommand(code, name);
        return attempt(flash, "units.saved", command, () -> units.create(Actors.require(), command));
    }

    /** Validates and runs a command; the outcome, or every problem, comes back as a flash message. */
    private String attempt(RedirectAttributes flash, String successKey, Object command, Runnable run) {
        var locale = LocaleContextHolder.getLocale();
        var violations = validator.validate(command);
        if (!violations.isEmpty()) {
            flash.addFlashAttribute(
                    "flashError",
                    violations.stream()
                            .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                            .sorted()
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""));
            return "redirect:/categories";
        }
        try {
            run.run();
            flash.addFlashAttribute(
                    "flashSuccess",
                    messages.message(
                            locale,
                            successKey,
                            command instanceof UnitCommand u ? u.code() : ((CategoryCommand) command).code()));
        } catch (BusinessException e) {
            String detail = e.violations().isEmpty()
                    ? messages.message(locale, e.messageKey(), e.args().toArray())
                    : e.violations().stream()
                            .map(v -> v.field() + ": "
                                    + messages.message(
                                            locale, v.messageKey(), v.args().toArray()))
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("");
            flash.addFlashAttribute("flashError", detail);
        }
        return "redirect:/categories";
    }
}
