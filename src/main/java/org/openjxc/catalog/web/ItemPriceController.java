package org.openjxc.catalog.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.catalog.Items;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sale prices per customer price level: {@code {"prices": {"WHOLESALE": 3.2}}} over the API and on the item page. */
@Controller
@Tag(name = "Items")
class ItemPriceController {

    /** The prices of an item by level. */
    record LevelPrices(Map<String, BigDecimal> prices) {}

    private final Items items;
    private final ProblemWriter problems;
    private final MessageSource messages;

    ItemPriceController(Items items, ProblemWriter problems, MessageSource messages) {
        this.items = items;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/api/v1/items/{code}/prices")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_ITEM)
    LevelPrices get(@PathVariable String code) {
        return new LevelPrices(items.levelPrices(Actors.require(), code));
    }

    @PutMapping("/api/v1/items/{code}/prices")
    @ResponseBody
    @RequiresPermission(Permission.EDIT_ITEM)
    LevelPrices put(@PathVariable String code, @RequestBody LevelPrices body) {
        return new LevelPrices(
                items.setLevelPrices(Actors.require(), code, body.prices() == null ? Map.of() : body.prices()));
    }

    /** The page's form: parallel lists of levels and prices; blank rows are dropped. */
    @PostMapping("/items/{code}/prices")
    @RequiresPermission(Permission.EDIT_ITEM)
    String save(
            @PathVariable String code,
            @RequestParam(name = "level", required = false) List<String> levels,
            @RequestParam(name = "price", required = false) List<String> prices,
            RedirectAttributes flash) {
        Map<String, BigDecimal> byLevel = new LinkedHashMap<>();
        try {
            for (int i = 0; levels != null && i < levels.size(); i++) {
                String level = levels.get(i) == null ? "" : levels.get(i).trim();
                String price = prices == null || i >= prices.size() || prices.get(i) == null
                        ? ""
                        : prices.get(i).trim();
                if (level.isEmpty() && price.isEmpty()) {
                    continue;
                }
                try {
                    byLevel.put(level, price.isEmpty() ? null : new BigDecimal(price));
                } catch (NumberFormatException e) {
                    throw BusinessException.invalid("prices", "import.notANumber", price);
                }
            }
            items.setLevelPrices(Actors.require(), code, byLevel);
            flash.addFlashAttribute(
                    "flashSuccess", messages.getMessage("items.pricesSaved", null, LocaleContextHolder.getLocale()));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", problems.sentence(LocaleContextHolder.getLocale(), e));
        }
        return "redirect:/items/" + code;
    }
}
