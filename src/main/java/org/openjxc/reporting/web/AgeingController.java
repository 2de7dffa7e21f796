package org.openjxc.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjxc.reporting.AgeingStockRow;
import org.openjxc.reporting.StockAgeing;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ExcelExport;
import org.openjxc.web.NavigationEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 库龄分析 as JSON, page (with a bar of the brackets per row) and Excel. */
@Controller
class AgeingController {

    private final StockAgeing ageing;
    private final MessageSource messages;

    AgeingController(StockAgeing ageing, MessageSource messages) {
        this.ageing = ageing;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry stockAgeingNavigation() {
        return new NavigationEntry(
                "nav.section.reports", "nav.stockAgeing", "/reports/stock-ageing", "VIEW_STOCK", 824);
    }

    @GetMapping("/api/v1/reports/stock-ageing")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_STOCK)
    PageResult<AgeingStockRow> list(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return ageing.list(Actors.require(), warehouse, item, PageQuery.of(page, size, null));
    }

    @GetMapping("/reports/stock-ageing")
    @RequiresPermission(Permission.VIEW_STOCK)
    String page(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            Model model) {
        var result = ageing.list(Actors.require(), warehouse, item, PageQuery.of(page, 50, null));
        model.addAttribute("result", result);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("item", item);
        model.addAttribute("brackets", labels());
        // Each row's share per bracket, for its bar: whole percent of its quantity.
        List<List<Integer>> shares = new ArrayList<>();
        for (AgeingStockRow r : result.items()) {
            List<Integer> share = new ArrayList<>();
            for (var q : r.qtyByAge()) {
                share.add(
                        r.qty().signum() <= 0
                                ? 0
                                : q.multiply(java.math.BigDecimal.valueOf(100))
                                        .divide(r.qty(), 0, java.math.RoundingMode.HALF_UP)
                                        .intValue());
            }
            shares.add(share);
        }
        model.addAttribute("shares", shares);
        model.addAttribute("seeCost", Actors.has(Permission.VIEW_COST));
        return "reporting/ageing";
    }

    @GetMapping(
            value = {"/api/v1/reports/stock-ageing", "/reports/stock-ageing"},
            params = "format=xlsx")
    @RequiresPermission(Permission.VIEW_STOCK)
    void excel(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            HttpServletResponse response)
            throws IOException {
        var actor = Actors.require();
        List<String> headers = new ArrayList<>(List.of(
                m("reports.item"),
                m("reports.itemName"),
                m("reports.warehouse"),
                m("reports.qty"),
                m("reports.value")));
        for (String label : labels()) {
            headers.add(label + " " + m("reports.qty"));
            headers.add(label + " " + m("reports.value"));
        }
        headers.add(m("ageing.oldest"));
        ExcelExport.write(
                response,
                "stock-ageing.xlsx",
                headers,
                sink -> ExcelExport.eachOfAllPages(
                        p -> ageing.list(actor, warehouse, item, PageQuery.of(p, PageQuery.MAX_SIZE, null)),
                        (AgeingStockRow r) -> {
                            List<Object> row = new ArrayList<>(
                                    Arrays.asList(r.item(), r.itemName(), r.warehouse(), r.qty(), r.value()));
                            for (int k = 0; k < r.qtyByAge().size(); k++) {
                                row.add(r.qtyByAge().get(k));
                                row.add(
                                        r.valueByAge() == null
                                                ? null
                                                : r.valueByAge().get(k));
                            }
                            row.add(r.oldest());
                            sink.accept(row);
                        }));
    }

    /** "0–30 days", …, "over 365 days". */
    private List<String> labels() {
        List<String> labels = new ArrayList<>();
        int from = 0;
        for (int upTo : StockAgeing.BRACKETS) {
            labels.add(
                    messages.getMessage("ageing.bracket", new Object[] {from, upTo}, LocaleContextHolder.getLocale()));
            from = upTo + 1;
        }
        labels.add(messages.getMessage(
                "ageing.over",
                new Object[] {StockAgeing.BRACKETS[StockAgeing.BRACKETS.length - 1]},
                LocaleContextHolder.getLocale()));
        return labels;
    }

    private String m(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
