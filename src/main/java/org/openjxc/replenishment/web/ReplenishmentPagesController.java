package org.openjxc.replenishment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjxc.organization.Warehouses;
import org.openjxc.replenishment.ForecastView;
import org.openjxc.replenishment.OrderLine;
import org.openjxc.replenishment.Replenishment;
import org.openjxc.replenishment.Suggestion;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 补货建议: the suggestion list with its reasons, forecasting runs with progress, one item's chart. */
@Controller
class ReplenishmentPagesController {

    private static final String[] HEADERS = {
        "replenishment.kind", "replenishment.item", "replenishment.warehouse", "replenishment.from",
        "replenishment.supplier", "replenishment.qty", "replenishment.available", "replenishment.inTransit",
        "replenishment.onOrder", "replenishment.daily", "replenishment.safetyStock", "replenishment.reorderPoint",
        "replenishment.method", "replenishment.mase", "replenishment.leadTime", "replenishment.batch",
        "replenishment.expiry"
    };

    private final Replenishment replenishment;
    private final Warehouses warehouses;
    private final MessageSource messages;

    ReplenishmentPagesController(Replenishment replenishment, Warehouses warehouses, MessageSource messages) {
        this.replenishment = replenishment;
        this.warehouses = warehouses;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry replenishmentNavigation() {
        return new NavigationEntry("nav.section.purchasing", "nav.replenishment", "/replenishment", "VIEW_STOCK", 149);
    }

    @GetMapping("/replenishment")
    @RequiresPermission(Permission.VIEW_STOCK)
    String list(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actors.require();
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("kind", kind);
        model.addAttribute("supplier", supplier);
        model.addAttribute("kinds", List.of("PURCHASE", "TRANSFER", "EXPIRY_TRANSFER", "EXPIRY_PROMOTE"));
        model.addAttribute(
                "warehouses",
                warehouses
                        .list(actor, MasterDataQuery.of(null, null), null, PageQuery.of(0, PageQuery.MAX_SIZE, "code"))
                        .items());
        var run = replenishment.latestRun(actor).orElse(null);
        model.addAttribute("run", run);
        model.addAttribute("running", run != null && run.status().equals("RUNNING"));
        model.addAttribute(
                "suggestions",
                replenishment.suggestions(actor, warehouse, kind, supplier, PageQuery.of(page, 100, null)));
        return "replenishment/suggestions";
    }

    @GetMapping("/replenishment/export")
    @RequiresPermission(Permission.VIEW_STOCK)
    void export(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String supplier,
            HttpServletResponse response)
            throws IOException {
        Actor actor = Actors.require();
        var locale = LocaleContextHolder.getLocale();
        List<String> headers = Arrays.stream(HEADERS)
                .map(h -> messages.getMessage(h, null, locale))
                .toList();
        ExcelExport.write(
                response,
                "replenishment.xlsx",
                headers,
                sink -> ExcelExport.eachOfAllPages(
                        p -> replenishment.suggestions(
                                actor, warehouse, kind, supplier, PageQuery.of(p, PageQuery.MAX_SIZE, null)),
                        (Suggestion s) -> sink.accept(Arrays.asList(
                                messages.getMessage("replenishment.kind." + s.kind(), null, locale),
                                s.item() + " " + s.itemName(),
                                s.warehouse(),
                                s.fromWarehouse(),
                                s.supplier(),
                                s.qty(),
                                s.available(),
                                s.inTransit(),
                                s.onOrder(),
                                s.dailyDemand(),
                                s.safetyStock(),
                                s.reorderPoint(),
                                s.method(),
                                s.mase(),
                                s.leadTimeDays(),
                                s.batch(),
                                s.expiryDate()))));
    }

    @PostMapping("/replenishment/runs")
    @RequiresPermission(Permission.MANAGE_REPLENISHMENT)
    String run(RedirectAttributes flash) {
        replenishment.start(Actors.require());
        return "redirect:/replenishment";
    }

    /**
     * Drafts from the ticked suggestions. Each tick carries kind, item, warehouse, source warehouse
     * and batch; its quantity comes from the row's field, as the user may have changed it.
     */
    @PostMapping("/replenishment/orders")
    @RequiresPermission(Permission.VIEW_STOCK)
    String order(
            @RequestParam(name = "pick", required = false) List<String> picks,
            @RequestParam java.util.Map<String, String> fields,
            RedirectAttributes flash) {
        List<OrderLine> lines = new ArrayList<>();
        for (String pick : picks == null ? List.<String>of() : picks) {
            String[] p = pick.split("\\|", -1);
            String qty = fields.get("qty-" + pick);
            try {
                lines.add(new OrderLine(
                        p[0],
                        p[1],
                        p[2],
                        p[3].isEmpty() ? null : p[3],
                        p[4].isEmpty() ? null : p[4],
                        new BigDecimal(qty == null ? "" : qty.trim())));
            } catch (NumberFormatException e) {
                flash.addFlashAttribute(
                        "flashError",
                        messages.getMessage(
                                "replenishment.badQty", new Object[] {p[1]}, LocaleContextHolder.getLocale()));
                return "redirect:/replenishment";
            }
        }
        try {
            var created = replenishment.order(Actors.require(), lines);
            flash.addFlashAttribute("created", created);
            flash.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "replenishment.created",
                            new Object[] {
                                created.stream().map(d -> d.number()).toList().toString()
                            },
                            LocaleContextHolder.getLocale()));
        } catch (BusinessException e) {
            var locale = LocaleContextHolder.getLocale();
            String text = e.violations().isEmpty()
                    ? messages.getMessage(e.messageKey(), e.args().toArray(), locale)
                    : e.violations().stream()
                            .map(v ->
                                    messages.getMessage(v.messageKey(), v.args().toArray(), locale))
                            .reduce((a, b) -> a + " " + b)
                            .orElse("");
            flash.addFlashAttribute("flashError", text);
        }
        return "redirect:/replenishment";
    }

    @GetMapping("/replenishment/forecast")
    @RequiresPermission(Permission.VIEW_STOCK)
    String forecast(@RequestParam String item, @RequestParam String warehouse, Model model) {
        ForecastView f = replenishment.forecast(Actors.require(), item, warehouse);
        model.addAttribute("f", f);
        model.addAttribute("chart", Chart.of(f));
        return "replenishment/forecast";
    }

    /** The chart's polylines: history, forecast and projected stock on one time axis, in SVG units. */
    record Chart(int width, int height, String history, String forecast, String projection, int split, String max) {
        static Chart of(ForecastView f) {
            int days = f.history().size() + f.forecast().size();
            int width = Math.max(days * 6, 300);
            int height = 200;
            BigDecimal top = BigDecimal.ONE;
            for (var d : f.history()) {
                top = top.max(d.qty());
            }
            for (var d : f.forecast()) {
                top = top.max(d.qty());
            }
            for (var d : f.projection()) {
                top = top.max(d.qty());
            }
            double scale = (height - 10) / top.doubleValue();
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < f.history().size(); i++) {
                h.append(i * 6)
                        .append(',')
                        .append(y(f.history().get(i).qty(), scale, height))
                        .append(' ');
            }
            StringBuilder fc = new StringBuilder();
            StringBuilder pr = new StringBuilder();
            int start = f.history().size();
            for (int i = 0; i < f.forecast().size(); i++) {
                fc.append((start + i) * 6)
                        .append(',')
                        .append(y(f.forecast().get(i).qty(), scale, height))
                        .append(' ');
                pr.append((start + i) * 6)
                        .append(',')
                        .append(y(f.projection().get(i).qty(), scale, height))
                        .append(' ');
            }
            return new Chart(
                    width,
                    height,
                    h.toString().trim(),
                    fc.toString().trim(),
                    pr.toString().trim(),
                    start * 6,
                    top.stripTrailingZeros().toPlainString());
        }

        private static long y(BigDecimal v, double scale, int height) {
            return Math.round(height - Math.max(0, v.doubleValue()) * scale);
        }
    }
}
