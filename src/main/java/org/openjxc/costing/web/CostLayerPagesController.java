package org.openjxc.costing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.openjxc.costing.CostLayerView;
import org.openjxc.costing.CostLayers;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The open cost layers page, with item and warehouse filters and Excel export. */
@Controller
class CostLayerPagesController {

    private static final String[] HEADERS = {
        "item",
        "itemName",
        "warehouse",
        "batch",
        "document",
        "receivedOn",
        "receivedAt",
        "unitCost",
        "qtyIn",
        "qtyRemaining",
        "value"
    };

    private final CostLayers layers;
    private final Warehouses warehouses;
    private final MessageSource messages;

    CostLayerPagesController(CostLayers layers, Warehouses warehouses, MessageSource messages) {
        this.layers = layers;
        this.warehouses = warehouses;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry costLayersNavigation() {
        return new NavigationEntry("nav.section.inventory", "nav.costLayers", "/cost-layers", "VIEW_COST", 225);
    }

    @GetMapping("/cost-layers")
    @RequiresPermission(Permission.VIEW_COST)
    String list(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        Actor actor = Actors.require();
        model.addAttribute("item", item);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("sort", sort);
        model.addAttribute(
                "warehouses",
                warehouses
                        .list(actor, MasterDataQuery.of(null, null), null, PageQuery.of(0, PageQuery.MAX_SIZE, "code"))
                        .items());
        model.addAttribute("layers", layers.open(actor, item, warehouse, PageQuery.of(page, 100, sort)));
        return "costing/layers";
    }

    @GetMapping("/cost-layers/export")
    @RequiresPermission(Permission.VIEW_COST)
    void export(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String warehouse,
            HttpServletResponse response)
            throws IOException {
        Actor actor = Actors.require();
        var locale = LocaleContextHolder.getLocale();
        List<String> headers = java.util.Arrays.stream(HEADERS)
                .map(h -> messages.getMessage("costLayers." + h, null, locale))
                .toList();
        ExcelExport.write(
                response,
                "cost-layers.xlsx",
                headers,
                sink -> ExcelExport.eachOfAllPages(
                        p -> layers.open(actor, item, warehouse, PageQuery.of(p, PageQuery.MAX_SIZE, null)),
                        (CostLayerView l) -> sink.accept(java.util.Arrays.asList(
                                l.item(),
                                l.itemName(),
                                l.warehouse(),
                                l.batch(),
                                l.documentNumber(),
                                l.receivedOn(),
                                l.receivedAt(),
                                l.unitCost(),
                                l.qtyIn(),
                                l.qtyRemaining(),
                                l.valueRemaining()))));
    }
}
