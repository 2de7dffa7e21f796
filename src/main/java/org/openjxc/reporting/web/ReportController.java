package org.openjxc.reporting.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openjxc.document.DocumentType;
import org.openjxc.reporting.Alert;
import org.openjxc.reporting.DocumentTraceRow;
import org.openjxc.reporting.HealthRow;
import org.openjxc.reporting.InOutRow;
import org.openjxc.reporting.MarginCell;
import org.openjxc.reporting.MarginRow;
import org.openjxc.reporting.Reports;
import org.openjxc.reporting.StockBalanceRow;
import org.openjxc.reporting.TrendRow;
import org.openjxc.reporting.TurnoverRow;
import org.openjxc.shared.Actor;
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

/**
 * {@code GET /api/v1/reports/{alerts|stock-balance|in-out-summary}} as JSON or, with
 * {@code format=xlsx}, Excel; and the same reports as pages.
 */
@Controller
@Tag(name = "Reports")
class ReportController {

    private static final List<DocumentType> MOVING = InOutRow.TYPES;

    private final Reports reports;
    private final MessageSource messages;

    ReportController(Reports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry stockBalanceNavigation() {
        return new NavigationEntry(
                "nav.section.reports", "nav.stockBalance", "/reports/stock-balance", "VIEW_STOCK", 800);
    }

    @Bean
    static NavigationEntry turnoverNavigation() {
        return new NavigationEntry("nav.section.reports", "nav.turnover", "/reports/turnover", "VIEW_STOCK", 820);
    }

    @Bean
    static NavigationEntry trendNavigation() {
        return new NavigationEntry("nav.section.reports", "nav.trend", "/reports/trend", "VIEW_MARGIN", 832);
    }

    @Bean
    static NavigationEntry marginHeatmapNavigation() {
        return new NavigationEntry(
                "nav.section.reports", "nav.marginHeatmap", "/reports/margin-heatmap", "VIEW_MARGIN", 831);
    }

    @Bean
    static NavigationEntry marginNavigation() {
        return new NavigationEntry("nav.section.reports", "nav.margin", "/reports/margin", "VIEW_MARGIN", 830);
    }

    @Bean
    static NavigationEntry documentTraceNavigation() {
        return new NavigationEntry(
                "nav.section.reports", "nav.documentTrace", "/reports/document-trace", "VIEW_AUDIT_LOG", 840);
    }

    @Bean
    static NavigationEntry healthNavigation() {
        return new NavigationEntry("nav.section.reports", "nav.health", "/reports/health", "VIEW_COST", 850);
    }

    @Bean
    static NavigationEntry inOutNavigation() {
        return new NavigationEntry(
                "nav.section.reports", "nav.inOutSummary", "/reports/in-out-summary", "VIEW_STOCK", 810);
    }

    record Alerts(List<Alert> items) {}

    @GetMapping("/api/v1/reports/alerts")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    Alerts alerts() {
        return new Alerts(reports.alerts(Actors.require()));
    }

    @GetMapping("/api/v1/reports/stock-balance")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_STOCK)
    PageResult<StockBalanceRow> stockBalance(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reports.stockBalance(Actors.require(), date, warehouse, item, PageQuery.of(page, size, null));
    }

    @GetMapping(
            value = {"/api/v1/reports/stock-balance", "/reports/stock-balance"},
            params = "format=xlsx")
    @RequiresPermission(Permission.VIEW_STOCK)
    void stockBalanceExcel(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            HttpServletResponse response)
            throws IOException {
        Actor actor = Actors.require();
        List<String> headers = List.of(
                m("reports.item"),
                m("reports.itemName"),
                m("reports.unit"),
                m("reports.warehouse"),
                m("reports.qty"),
                m("reports.value"));
        // One query streamed into the sheet: paging would sum the ledger once per page.
        ExcelExport.write(
                response,
                "stock-balance.xlsx",
                headers,
                sink -> reports.eachStockBalance(
                        actor,
                        date,
                        warehouse,
                        item,
                        r -> sink.accept(
                                Arrays.asList(r.item(), r.itemName(), r.unit(), r.warehouse(), r.qty(), r.value()))));
    }

    @GetMapping("/api/v1/reports/in-out-summary")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_STOCK)
    PageResult<InOutRow> inOut(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reports.inOut(Actors.require(), from, to, warehouse, item, PageQuery.of(page, size, null));
    }

    @GetMapping(
            value = {"/api/v1/reports/in-out-summary", "/reports/in-out-summary"},
            params = "format=xlsx")
    @RequiresPermission(Permission.VIEW_STOCK)
    void inOutExcel(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            HttpServletResponse response)
            throws IOException {
        Actor actor = Actors.require();
        List<String> headers = new ArrayList<>(List.of(
                m("reports.item"),
                m("reports.itemName"),
                m("reports.unit"),
                m("reports.warehouse"),
                m("reports.opening"),
                m("reports.openingValue")));
        MOVING.forEach(t -> headers.add(m("reports.in") + " · " + m("documentType." + t.name())));
        headers.addAll(List.of(m("reports.in"), m("reports.inValue")));
        MOVING.forEach(t -> headers.add(m("reports.out") + " · " + m("documentType." + t.name())));
        headers.addAll(
                List.of(m("reports.out"), m("reports.outValue"), m("reports.closing"), m("reports.closingValue")));
        ExcelExport.write(response, "in-out-summary.xlsx", headers, sink -> {
            int page = 0;
            while (true) {
                var result =
                        reports.inOut(actor, from, to, warehouse, item, PageQuery.of(page++, PageQuery.MAX_SIZE, null));
                for (InOutRow r : result.items()) {
                    List<Object> row = new ArrayList<>(Arrays.asList(
                            r.item(), r.itemName(), r.unit(), r.warehouse(), r.openingQty(), r.openingValue()));
                    MOVING.forEach(t -> row.add(r.inByType().get(t.name())));
                    row.addAll(Arrays.asList(r.inQty(), r.inValue()));
                    MOVING.forEach(t -> row.add(r.outByType().get(t.name())));
                    row.addAll(Arrays.asList(r.outQty(), r.outValue(), r.closingQty(), r.closingValue()));
                    sink.accept(row);
                }
                if (result.items().size() < PageQuery.MAX_SIZE) {
                    break;
                }
            }
        });
    }

    @GetMapping("/api/v1/reports/turnover")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_STOCK)
    PageResult<TurnoverRow> turnover(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reports.turnover(
                Actors.require(), from, to, warehouse, item, null, false, PageQuery.of(page, size, null));
    }

    /** Stock that has not gone out for {@code days} days (default 90), largest value first. */
    @GetMapping("/api/v1/reports/slow-moving")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_STOCK)
    PageResult<TurnoverRow> slowMoving(
            @RequestParam(defaultValue = "90") int days,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reports.turnover(
                Actors.require(), null, null, warehouse, null, days, true, PageQuery.of(page, size, null));
    }

    /** The {@code top} positions holding the most stock value: where the capital is tied up. */
    @GetMapping("/api/v1/reports/capital")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_COST)
    PageResult<TurnoverRow> capital(
            @RequestParam(defaultValue = "20") int top, @RequestParam(required = false) String warehouse) {
        return reports.turnover(Actors.require(), null, null, warehouse, null, null, true, PageQuery.of(0, top, null));
    }

    @GetMapping("/api/v1/reports/margin")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_MARGIN)
    List<MarginRow> margin(
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.margin(Actors.require(), from, to, groupBy);
    }

    @GetMapping("/api/v1/reports/trend")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_MARGIN)
    Map<String, List<TrendRow>> trend(@RequestParam(defaultValue = "12") int months) {
        return Map.of("items", reports.trend(Actors.require(), months));
    }

    /** The months as bars (sales and purchases) and a margin line, drawn as SVG on the server. */
    @GetMapping("/reports/trend")
    @RequiresPermission(Permission.VIEW_MARGIN)
    String trendPage(@RequestParam(defaultValue = "12") int months, Model model) {
        List<TrendRow> rows = reports.trend(Actors.require(), months);
        java.math.BigDecimal top = rows.stream()
                .flatMap(r -> java.util.stream.Stream.of(
                        r.revenue(), r.purchases(), r.margin().abs()))
                .max(java.math.BigDecimal::compareTo)
                .filter(v -> v.signum() > 0)
                .orElse(java.math.BigDecimal.ONE);
        // 40 units per month, 200 high; values scaled to the largest.
        List<Map<String, Object>> bars = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            TrendRow r = rows.get(i);
            int x = 40 * i + 6;
            int revenue = scaled(r.revenue(), top);
            int purchases = scaled(r.purchases(), top);
            int margin = scaled(r.margin(), top);
            bars.add(Map.of(
                    "x", x,
                    "revenue", revenue,
                    "purchases", purchases,
                    "label", r.month().getMonthValue() + "",
                    "title", r.month() + ""));
            line.append(i == 0 ? "M" : " L").append(x + 14).append(' ').append(200 - margin);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("months", months);
        model.addAttribute("bars", bars);
        model.addAttribute("marginLine", line.toString());
        model.addAttribute("width", Math.max(40 * rows.size() + 12, 100));
        return "reporting/trend";
    }

    private static int scaled(java.math.BigDecimal value, java.math.BigDecimal top) {
        return value.max(java.math.BigDecimal.ZERO)
                .multiply(java.math.BigDecimal.valueOf(190))
                .divide(top, 0, java.math.RoundingMode.HALF_UP)
                .intValue();
    }

    @GetMapping("/api/v1/reports/margin-heatmap")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_MARGIN)
    Map<String, List<MarginCell>> marginHeatmap(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return Map.of("items", reports.marginHeatmap(Actors.require(), from, to));
    }

    /** Regions down, categories across, each cell coloured by its margin percent. */
    @GetMapping("/reports/margin-heatmap")
    @RequiresPermission(Permission.VIEW_MARGIN)
    String marginHeatmapPage(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        List<MarginCell> cells = reports.marginHeatmap(Actors.require(), start, end);
        Map<String, MarginCell> byKey = new java.util.HashMap<>();
        Map<String, String> styles = new java.util.HashMap<>();
        Map<String, String> categories = new java.util.TreeMap<>();
        java.util.Set<String> regions = new java.util.TreeSet<>();
        for (MarginCell c : cells) {
            byKey.put(c.region() + "|" + c.category(), c);
            if (c.marginPercent() != null) {
                // Green for margin, red below cost; the stronger, the darker (lightness 96% down to 51%).
                int hue = c.marginPercent().signum() < 0 ? 0 : 130;
                int lightness = 96 - Math.min(45, c.marginPercent().abs().intValue());
                styles.put(
                        c.region() + "|" + c.category(), "background-color: hsl(" + hue + ", 60%, " + lightness + "%)");
            }
            categories.put(c.category(), c.categoryName());
            regions.add(c.region());
        }
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("cells", byKey);
        model.addAttribute("styles", styles);
        model.addAttribute("categories", categories);
        model.addAttribute("regions", regions);
        return "reporting/margin-heatmap";
    }

    @GetMapping("/reports/margin")
    @RequiresPermission(Permission.VIEW_MARGIN)
    String marginPage(
            @RequestParam(defaultValue = "item") String groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        List<MarginRow> rows = reports.margin(Actors.require(), start, end, groupBy);
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "largest",
                rows.stream()
                        .map(r -> r.margin().abs())
                        .max(java.math.BigDecimal::compareTo)
                        .orElse(java.math.BigDecimal.ONE));
        return "reporting/margin";
    }

    @GetMapping("/api/v1/reports/document-trace")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_AUDIT_LOG)
    List<DocumentTraceRow> documentTrace(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String user) {
        return reports.documentTrace(Actors.require(), from, to, user);
    }

    @GetMapping("/reports/document-trace")
    @RequiresPermission(Permission.VIEW_AUDIT_LOG)
    String documentTracePage(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String user,
            Model model) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("user", user);
        model.addAttribute("rows", reports.documentTrace(Actors.require(), start, end, user));
        return "reporting/document-trace";
    }

    @GetMapping("/api/v1/reports/health")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_COST)
    List<HealthRow> health() {
        return reports.health(Actors.require());
    }

    @GetMapping("/reports/health")
    @RequiresPermission(Permission.VIEW_COST)
    String healthPage(Model model) {
        model.addAttribute("rows", reports.health(Actors.require()));
        return "reporting/health";
    }

    @GetMapping("/reports/turnover")
    @RequiresPermission(Permission.VIEW_STOCK)
    String turnoverPage(
            @RequestParam(defaultValue = "turnover") String view,
            @RequestParam(defaultValue = "90") int days,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actors.require();
        boolean slow = view.equals("slow");
        boolean capital = view.equals("capital");
        model.addAttribute("view", slow || capital ? view : "turnover");
        model.addAttribute("days", days);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute(
                "result",
                reports.turnover(
                        actor,
                        null,
                        null,
                        warehouse,
                        null,
                        slow ? days : null,
                        slow || capital,
                        PageQuery.of(page, capital ? 20 : 100, null)));
        return "reporting/turnover";
    }

    @GetMapping("/reports/stock-balance")
    @RequiresPermission(Permission.VIEW_STOCK)
    String stockBalancePage(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            Model model) {
        LocalDate day = date == null ? LocalDate.now() : date;
        model.addAttribute("date", day);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("item", item);
        model.addAttribute(
                "result", reports.stockBalance(Actors.require(), day, warehouse, item, PageQuery.of(page, 100, null)));
        return "reporting/stock-balance";
    }

    @GetMapping("/reports/in-out-summary")
    @RequiresPermission(Permission.VIEW_STOCK)
    String inOutPage(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            Model model) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("item", item);
        model.addAttribute(
                "result", reports.inOut(Actors.require(), start, end, warehouse, item, PageQuery.of(page, 100, null)));
        return "reporting/in-out-summary";
    }

    private String m(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
