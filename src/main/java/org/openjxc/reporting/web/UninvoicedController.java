package org.openjxc.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.openjxc.reporting.UninvoicedReport;
import org.openjxc.reporting.UninvoicedReport.Side;
import org.openjxc.reporting.UninvoicedRow;
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
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 已发货未开票 / 已收货未收票 as JSON, page and Excel. */
@Controller
class UninvoicedController {

    private final UninvoicedReport report;
    private final MessageSource messages;

    UninvoicedController(UninvoicedReport report, MessageSource messages) {
        this.report = report;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry uninvoicedNavigation() {
        return new NavigationEntry(
                "nav.section.reports", "nav.uninvoiced", "/reports/uninvoiced", "VIEW_DOCUMENTS", 836);
    }

    @GetMapping("/api/v1/reports/uninvoiced")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    PageResult<UninvoicedRow> list(
            @RequestParam(required = false) Side side,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return report.list(Actors.require(), side, partner, from, to, PageQuery.of(page, size, null));
    }

    @GetMapping("/reports/uninvoiced")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String page(
            @RequestParam(required = false) Side side,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            Model model) {
        Side s = side == null ? Side.SALES : side;
        model.addAttribute("side", s);
        model.addAttribute("partner", partner);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("result", report.list(Actors.require(), s, partner, from, to, PageQuery.of(page, 50, null)));
        return "reporting/uninvoiced";
    }

    @GetMapping(
            value = {"/api/v1/reports/uninvoiced", "/reports/uninvoiced"},
            params = "format=xlsx")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    void excel(
            @RequestParam(required = false) Side side,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        var actor = Actors.require();
        List<String> headers = java.util.stream.Stream.of(
                        "document",
                        "date",
                        "partner",
                        "partnerName",
                        "item",
                        "itemName",
                        "qty",
                        "returned",
                        "invoiced",
                        "openQty",
                        "openAmount")
                .map(k -> messages.getMessage("uninvoiced." + k, null, k, LocaleContextHolder.getLocale()))
                .toList();
        ExcelExport.write(
                response,
                "uninvoiced.xlsx",
                headers,
                sink -> ExcelExport.eachOfAllPages(
                        p -> report.list(actor, side, partner, from, to, PageQuery.of(p, PageQuery.MAX_SIZE, null)),
                        (UninvoicedRow r) -> sink.accept(Arrays.asList(
                                r.document(),
                                r.date(),
                                r.partner(),
                                r.partnerName(),
                                r.item(),
                                r.itemName(),
                                r.qty(),
                                r.returnedQty(),
                                r.invoicedQty(),
                                r.openQty(),
                                r.openAmount()))));
    }
}
