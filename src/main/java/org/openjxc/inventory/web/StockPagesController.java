package org.openjxc.inventory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.openjxc.document.StockStatus;
import org.openjxc.inventory.Stock;
import org.openjxc.inventory.StockQuery;
import org.openjxc.inventory.Transfers;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ExcelExport;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Stock pages: totals and positions with filters and export, the item stock card, verify and recalculate. */
@Controller
class StockPagesController {

    private final Stock stock;
    private final Transfers transfers;
    private final Warehouses warehouses;
    private final ProblemWriter messages;

    StockPagesController(Stock stock, Transfers transfers, Warehouses warehouses, ProblemWriter messages) {
        this.stock = stock;
        this.transfers = transfers;
        this.warehouses = warehouses;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry stockNavigation() {
        return new NavigationEntry("nav.section.inventory", "nav.stock", "/stock", "VIEW_STOCK", 210);
    }

    @Bean
    static NavigationEntry verifyNavigation() {
        return new NavigationEntry("nav.section.inventory", "nav.verify", "/stock/verify", "VIEW_STOCK", 230);
    }

    @GetMapping("/stock")
    @RequiresPermission(Permission.VIEW_STOCK)
    String stock(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String bin,
            @RequestParam(required = false) String batch,
            @RequestParam(required = false) StockStatus status,
            @RequestParam(defaultValue = "summary") String view,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        Actor actor = Actors.require();
        var query = new StockQuery(null, warehouse, bin, batch, status == null ? null : status.name(), q, false);
        model.addAttribute("query", query);
        model.addAttribute("view", view);
        model.addAttribute("sort", sort);
        model.addAttribute("statuses", StockStatus.values());
        model.addAttribute(
                "warehouses",
                warehouses
                        .list(actor, MasterDataQuery.of(null, null), null, PageQuery.of(0, PageQuery.MAX_SIZE, "code"))
                        .items());
        if (view.equals("positions")) {
            model.addAttribute("positions", stock.positions(actor, query, PageQuery.of(page, 100, sort)));
        } else {
            model.addAttribute("summaries", stock.summaries(actor, query, PageQuery.of(page, 100, sort)));
        }
        model.addAttribute("seeCost", Actors.has(Permission.VIEW_COST));
        return "inventory/stock";
    }

    @GetMapping("/stock/export")
    @RequiresPermission(Permission.VIEW_STOCK)
    void export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String bin,
            @RequestParam(required = false) String batch,
            @RequestParam(required = false) StockStatus status,
            HttpServletResponse response)
            throws IOException {
        Actor actor = Actors.require();
        boolean cost = Actors.has(Permission.VIEW_COST);
        var query = new StockQuery(null, warehouse, bin, batch, status == null ? null : status.name(), q, false);
        List<String> headers = Arrays.stream(new String[] {
                    "item",
                    "itemName",
                    "warehouse",
                    "bin",
                    "batch",
                    "expiryDate",
                    "status",
                    "onHand",
                    "available",
                    "unitCost",
                    "value"
                })
                .limit(cost ? 11 : 9)
                .map(h -> message("stock." + h))
                .toList();
        ExcelExport.write(response, "stock.xlsx", headers, sink -> {
            int page = 0;
            while (true) {
                var result = stock.positions(actor, query, PageQuery.of(page++, PageQuery.MAX_SIZE, null));
                result.items().forEach(p -> {
                    var row = new java.util.ArrayList<Object>(Arrays.asList(
                            p.item(),
                            p.itemName(),
                            p.warehouse(),
                            p.bin(),
                            p.batch(),
                            p.expiryDate(),
                            message("stockStatus." + p.status()),
                            p.onHand(),
                            p.available()));
                    if (cost) {
                        row.add(p.unitCost());
                        row.add(p.value());
                    }
                    sink.accept(row);
                });
                if (result.items().size() < PageQuery.MAX_SIZE) {
                    break;
                }
            }
        });
    }

    /** The item stock card: every move with the running balance, each linked to its document. */
    @GetMapping("/stock/card")
    @RequiresPermission(Permission.VIEW_STOCK)
    String card(
            @RequestParam String item,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actors.require();
        var query = new StockQuery(item, warehouse, null, null, null, null, true);
        model.addAttribute("item", item);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute(
                "warehouses",
                warehouses
                        .list(actor, MasterDataQuery.of(null, null), null, PageQuery.of(0, PageQuery.MAX_SIZE, "code"))
                        .items());
        model.addAttribute("summaries", stock.summaries(actor, query, PageQuery.of(0, PageQuery.MAX_SIZE, null)));
        model.addAttribute("moves", stock.moves(actor, query, from, to, PageQuery.of(page, 100, null)));
        model.addAttribute("seeCost", Actors.has(Permission.VIEW_COST));
        return "inventory/card";
    }

    @GetMapping("/stock/verify")
    @RequiresPermission(Permission.VIEW_STOCK)
    String verify(Model model) {
        model.addAttribute("verification", stock.verify(Actors.require()));
        return "inventory/verify";
    }

    @PostMapping("/stock/recalculate")
    @RequiresPermission(Permission.RECALCULATE_STOCK)
    String recalculate(Model model) {
        model.addAttribute("verification", stock.recalculate(Actors.require()));
        model.addAttribute("recalculated", true);
        return "inventory/verify";
    }

    @PostMapping("/documents/{id}/receive-all")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String receiveAll(@PathVariable long id, RedirectAttributes flash) {
        try {
            var doc = transfers.receive(Actors.require(), id, List.of());
            flash.addFlashAttribute("flashSuccess", message("documents.receivedAll", doc.number()));
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError", message(e.messageKey(), e.args().toArray()));
        }
        return "redirect:/documents/" + id;
    }

    private String message(String key, Object... args) {
        return messages.message(LocaleContextHolder.getLocale(), key, args);
    }
}
