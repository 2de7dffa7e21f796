package org.openjxc.channel.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.channel.ChannelImport;
import org.openjxc.channel.ChannelOrder;
import org.openjxc.channel.ChannelOrderLine;
import org.openjxc.channel.ChannelOrderResult;
import org.openjxc.channel.ChannelOrders;
import org.openjxc.channel.SkuMapping;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ImportProblems;
import org.openjxc.shared.ImportRow;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.Imports;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.openjxc.web.TabularFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The order pool over the API and as a page: import shop orders, map shop SKUs. */
@Controller
@Tag(name = "Order pool")
class ChannelController {

    static final List<String> COLUMNS =
            List.of("channel", "externalId", "customer", "warehouse", "date", "sku", "qty", "price", "remark");

    /** The answer of an import: one result per order, and the counts. */
    record ImportAnswer(List<ChannelOrderResult> results, long created, long duplicates, long rejected) {
        static ImportAnswer of(List<ChannelOrderResult> results) {
            return new ImportAnswer(
                    results,
                    results.stream().filter(r -> r.outcome().equals("CREATED")).count(),
                    results.stream()
                            .filter(r -> r.outcome().equals("DUPLICATE"))
                            .count(),
                    results.stream().filter(r -> r.outcome().equals("REJECTED")).count());
        }
    }

    private final ChannelOrders orders;
    private final Imports imports;
    private final ProblemWriter problems;

    ChannelController(ChannelOrders orders, Imports imports, ProblemWriter problems) {
        this.orders = orders;
        this.imports = imports;
        this.problems = problems;
    }

    @Bean
    static NavigationEntry orderPoolNavigation() {
        return new NavigationEntry(
                "nav.section.sales", "nav.orderImport", "/import/sales-orders", "CREATE_SALES_ORDER", 165);
    }

    @PostMapping("/api/v1/sales-orders/import")
    @ResponseBody
    @RequiresPermission(Permission.CREATE_SALES_ORDER)
    ImportAnswer importApi(@Valid @RequestBody ChannelImport batch) {
        return ImportAnswer.of(orders.importOrders(Actors.require(), batch));
    }

    @GetMapping("/api/v1/sku-mappings")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_ITEM)
    List<SkuMapping> mappings(@RequestParam(required = false) String channel) {
        return orders.mappings(Actors.require(), channel);
    }

    @PutMapping("/api/v1/sku-mappings")
    @ResponseBody
    @RequiresPermission(Permission.EDIT_ITEM)
    SkuMapping map(@Valid @RequestBody SkuMapping mapping) {
        return orders.map(Actors.require(), mapping);
    }

    @GetMapping("/import/sales-orders")
    @RequiresPermission(Permission.CREATE_SALES_ORDER)
    String page() {
        return "channel/import";
    }

    @GetMapping("/import/sales-orders/template")
    @RequiresPermission(Permission.CREATE_SALES_ORDER)
    void template(jakarta.servlet.http.HttpServletResponse response) throws IOException {
        imports.template(
                response,
                "sales-orders-template.xlsx",
                "orderImport.",
                COLUMNS,
                List.of(
                        List.of("TMALL", "T20261122001", "CUS-001", "WH1", "2026-11-22", "SKU-001", 2, 3.5, ""),
                        List.of("TMALL", "T20261122001", "CUS-001", "WH1", "2026-11-22", "6901234567892", 1, 0, "")));
    }

    /**
     * A file of order rows, several rows per order (same channel and external id): each order is
     * imported or refused whole, and the page lists what became of each.
     */
    @PostMapping("/api/v1/sales-orders/import-file")
    @ResponseBody
    @RequiresPermission(Permission.CREATE_SALES_ORDER)
    ImportAnswer importFileApi(@RequestParam(required = false) MultipartFile file) throws IOException {
        return importFile(file);
    }

    @PostMapping("/import/sales-orders")
    @RequiresPermission(Permission.CREATE_SALES_ORDER)
    String importPage(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        try {
            model.addAttribute("answer", importFile(file));
        } catch (BusinessException e) {
            model.addAttribute("fileError", problems.sentence(LocaleContextHolder.getLocale(), e));
        }
        return "channel/import";
    }

    /**
     * A file of order rows, several rows per order (same channel and external id): each order is
     * imported or refused whole, with what became of each.
     */
    private ImportAnswer importFile(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw BusinessException.invalid("file", "import.noFile");
        }
        Path temp = Files.createTempFile("openjxc-orders-", ".upload");
        try {
            file.transferTo(temp);
            Map<String, List<ImportRow>> byOrder = new LinkedHashMap<>();
            TabularFile.of(temp, file.getOriginalFilename(), imports.aliases("orderImport.", COLUMNS))
                    .forEach(row -> byOrder.computeIfAbsent(
                                    nz(row.get("channel")) + "\u0000" + nz(row.get("externalId")),
                                    k -> new ArrayList<>())
                            .add(row));
            // Results in the file's order: refused orders now, the others once their channel is imported.
            Map<String, ChannelOrderResult> results = new LinkedHashMap<>();
            Map<String, List<ChannelOrder>> byChannel = new LinkedHashMap<>();
            for (var entry : byOrder.entrySet()) {
                List<ImportRow> rows = entry.getValue();
                ImportRow first = rows.get(0);
                // The same cell checks as every other import: required cells, numbers, scales.
                ImportProblems p = new ImportProblems();
                List<ChannelOrderLine> lines = new ArrayList<>();
                for (ImportRow r : rows) {
                    String sku = p.required(r, "sku");
                    BigDecimal qty = p.required(r, "qty") == null ? null : p.decimal(r, "qty", 4, true);
                    lines.add(new ChannelOrderLine(sku, qty, p.decimal(r, "price", 6, false)));
                }
                LocalDate date = null;
                try {
                    date = first.get("date") == null
                            ? null
                            : LocalDate.parse(first.get("date").trim());
                } catch (DateTimeParseException e) {
                    p.add(first.number(), "date", "import.notADate", first.get("date"));
                }
                for (String required : List.of("channel", "externalId", "customer", "warehouse")) {
                    p.required(first, required);
                }
                List<ChannelOrderResult.Reason> bad = p.list().stream()
                        .map(x -> new ChannelOrderResult.Reason(
                                "row " + x.row() + " " + x.field(),
                                problems.message(
                                        LocaleContextHolder.getLocale(),
                                        x.messageKey(),
                                        x.args().toArray())))
                        .toList();
                if (!bad.isEmpty()) {
                    results.put(
                            entry.getKey(),
                            new ChannelOrderResult(nz(first.get("externalId")), "REJECTED", null, null, bad));
                    continue;
                }
                results.put(entry.getKey(), null);
                byChannel
                        .computeIfAbsent(first.get("channel").trim(), k -> new ArrayList<>())
                        .add(new ChannelOrder(
                                first.get("externalId").trim(),
                                first.get("customer"),
                                first.get("warehouse"),
                                date,
                                first.get("remark"),
                                lines));
            }
            byChannel.forEach((channel, list) -> {
                List<ChannelOrderResult> done = orders.importOrders(Actors.require(), new ChannelImport(channel, list));
                for (int i = 0; i < list.size(); i++) {
                    results.put(channel + "\u0000" + list.get(i).externalId().trim(), done.get(i));
                }
            });
            return ImportAnswer.of(List.copyOf(results.values()));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
