package org.openjxc.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.openjxc.catalog.AbcClass;
import org.openjxc.catalog.Categories;
import org.openjxc.catalog.CostMethod;
import org.openjxc.catalog.ItemCommand;
import org.openjxc.catalog.ItemQuery;
import org.openjxc.catalog.ItemType;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.Items;
import org.openjxc.catalog.Units;
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

/** Item pages: list with filters and export, detail, create and edit forms. */
@Controller
class ItemPagesController {

    private final Items items;
    private final Units units;
    private final Categories categories;
    private final FormErrors formErrors;
    private final MessageSource messages;

    ItemPagesController(
            Items items, Units units, Categories categories, FormErrors formErrors, MessageSource messages) {
        this.items = items;
        this.units = units;
        this.categories = categories;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry itemsNavigation() {
        return new NavigationEntry("nav.section.masterData", "nav.items", "/items", "VIEW_ITEM", 100);
    }

    @GetMapping("/items")
    @RequiresPermission(Permission.VIEW_ITEM)
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) ItemType type,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        var query = new ItemQuery(q, category, type, null, active);
        model.addAttribute("query", query);
        model.addAttribute("sort", sort);
        model.addAttribute("result", items.list(Actors.require(), query, PageQuery.of(page, 50, sort)));
        model.addAttribute("categories", categories.list(Actors.require()));
        model.addAttribute("types", ItemType.values());
        return "catalog/items";
    }

    @GetMapping("/items/export")
    @RequiresPermission(Permission.EXPORT_ITEM)
    void export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) ItemType type,
            @RequestParam(required = false) Boolean active,
            HttpServletResponse response)
            throws IOException {
        boolean prices = Actors.has(Permission.VIEW_PURCHASE_PRICE);
        List<String> headers = Arrays.stream(ItemColumns.HEADERS)
                .filter(h -> prices || !h.equals("purchasePrice"))
                .map(h -> messages.getMessage("itemColumn." + h, null, h, LocaleContextHolder.getLocale()))
                .toList();
        ExcelExport.write(
                response,
                "items.xlsx",
                headers,
                sink -> items.forEach(
                        Actors.require(),
                        new ItemQuery(q, category, type, null, active),
                        item -> sink.accept(ItemColumns.values(item, prices))));
    }

    @GetMapping("/items/new")
    @RequiresPermission(Permission.CREATE_ITEM)
    String newItem(Model model) {
        return form(model, ItemForm.blank(), null);
    }

    @PostMapping("/items/new")
    @RequiresPermission(Permission.CREATE_ITEM)
    String create(@ModelAttribute("form") ItemForm form, BindingResult result, Model model, RedirectAttributes flash) {
        ItemCommand command = form.toCommand();
        var created = formErrors.attempt(
                command, result, ItemForm::fieldOfForm, () -> items.create(Actors.require(), command));
        if (created.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("items.created", created.get().code()));
            return "redirect:/items/" + created.get().code();
        }
        form.padUnitRows();
        return form(model, form, null);
    }

    @GetMapping("/items/{code}")
    @RequiresPermission(Permission.VIEW_ITEM)
    String detail(@PathVariable String code, Model model) {
        model.addAttribute("item", items.get(Actors.require(), code));
        model.addAttribute("picture", items.pictureInfo(Actors.require(), code).orElse(null));
        model.addAttribute("levelPrices", items.levelPrices(Actors.require(), code));
        return "catalog/item";
    }

    @GetMapping("/items/{code}/edit")
    @RequiresPermission(Permission.EDIT_ITEM)
    String edit(@PathVariable String code, Model model) {
        return form(model, ItemForm.of(items.get(Actors.require(), code)), code);
    }

    @PostMapping("/items/{code}/edit")
    @RequiresPermission(Permission.EDIT_ITEM)
    String update(
            @PathVariable String code,
            @ModelAttribute("form") ItemForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        ItemCommand command = form.toCommand();
        var updated = formErrors.attempt(
                command, result, ItemForm::fieldOfForm, () -> items.update(Actors.require(), code, command));
        if (updated.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("items.updated", updated.get().code()));
            return "redirect:/items/" + updated.get().code();
        }
        form.padUnitRows();
        return form(model, form, code);
    }

    @PostMapping("/items/{code}/delete")
    @RequiresPermission(Permission.DELETE_ITEM)
    String delete(@PathVariable String code, RedirectAttributes flash) {
        try {
            items.delete(Actors.require(), code);
            flash.addFlashAttribute("flashSuccess", message("items.deleted", code));
            return "redirect:/items";
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError", message(e.messageKey(), e.args().toArray()));
            return "redirect:/items/" + code;
        }
    }

    private String form(Model model, ItemForm form, String editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("units", units.list(Actors.require()));
        model.addAttribute("categories", categories.list(Actors.require()));
        model.addAttribute("types", ItemType.values());
        model.addAttribute("costMethods", CostMethod.values());
        model.addAttribute("abcClasses", AbcClass.values());
        return "catalog/item-form";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The columns of the item export, also the columns of the import template. */
    static final class ItemColumns {
        static final String[] HEADERS = {
            "code",
            "name",
            "spec",
            "category",
            "unit",
            "units",
            "barcodes",
            "type",
            "costMethod",
            "batchManaged",
            "shelfLifeDays",
            "safetyStock",
            "abcClass",
            "defaultSupplier",
            "purchasePrice",
            "salePrice",
            "taxRate",
            "weight",
            "volume",
            "active"
        };

        private ItemColumns() {}

        static List<Object> values(ItemView i, boolean prices) {
            var row = new java.util.ArrayList<Object>(Arrays.asList(
                    i.code(),
                    i.name(),
                    i.spec(),
                    i.category(),
                    i.unit(),
                    i.units().stream()
                            .map(u -> u.unit() + "=" + u.factor().toPlainString())
                            .collect(Collectors.joining(";")),
                    String.join(";", i.barcodes()),
                    i.type().name(),
                    i.costMethod().name(),
                    i.batchManaged(),
                    i.shelfLifeDays(),
                    i.safetyStock(),
                    i.abcClass() == null ? null : i.abcClass().name(),
                    i.defaultSupplier(),
                    i.purchasePrice(),
                    i.salePrice(),
                    i.taxRate(),
                    i.weight(),
                    i.volume(),
                    i.active()));
            if (!prices) {
                row.remove(14);
            }
            return row;
        }
    }
}
