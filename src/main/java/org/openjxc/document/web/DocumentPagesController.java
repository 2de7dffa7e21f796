package org.openjxc.document.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openjxc.audit.AuditLog;
import org.openjxc.audit.AuditQuery;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.Items;
import org.openjxc.document.DocumentCommand;
import org.openjxc.document.DocumentQuery;
import org.openjxc.document.DocumentStatus;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.document.StockStatus;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ExcelExport;
import org.openjxc.web.FormErrors;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Document pages: the filtered list with export, the editor (lines added by scanning a barcode or
 * typing; more rows and scans refresh only the lines via htmx), and the document with the
 * workflow buttons the user may press.
 */
@Controller
class DocumentPagesController {

    private final Documents documents;
    private final Items items;
    private final Warehouses warehouses;
    private final AuditLog audit;
    private final FormErrors formErrors;
    private final ProblemWriter messages;

    private final List<org.openjxc.document.FollowingLines> followingLines;

    DocumentPagesController(
            Documents documents,
            Items items,
            Warehouses warehouses,
            AuditLog audit,
            FormErrors formErrors,
            ProblemWriter messages,
            List<org.openjxc.document.FollowingLines> followingLines) {
        this.followingLines = followingLines;
        this.documents = documents;
        this.items = items;
        this.warehouses = warehouses;
        this.audit = audit;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry documentsNavigation() {
        return new NavigationEntry("nav.section.inventory", "nav.documents", "/documents", "VIEW_DOCUMENTS", 200);
    }

    @Bean
    static NavigationEntry productionOrdersNavigation() {
        return new NavigationEntry(
                "nav.section.production",
                "nav.productionOrders",
                "/documents?type=PRODUCTION_ORDER",
                "VIEW_DOCUMENTS",
                310);
    }

    @Bean
    static NavigationEntry productionIssuesNavigation() {
        return new NavigationEntry(
                "nav.section.production",
                "nav.productionIssues",
                "/documents?type=PRODUCTION_ISSUE",
                "VIEW_DOCUMENTS",
                320);
    }

    @Bean
    static NavigationEntry productionReceiptsNavigation() {
        return new NavigationEntry(
                "nav.section.production",
                "nav.productionReceipts",
                "/documents?type=PRODUCTION_RECEIPT",
                "VIEW_DOCUMENTS",
                330);
    }

    @Bean
    static NavigationEntry disassembliesNavigation() {
        return new NavigationEntry(
                "nav.section.production", "nav.disassemblies", "/documents?type=DISASSEMBLY", "VIEW_DOCUMENTS", 340);
    }

    @Bean
    static NavigationEntry purchaseOrdersNavigation() {
        return new NavigationEntry(
                "nav.section.purchasing",
                "nav.purchaseOrders",
                "/documents?type=PURCHASE_ORDER",
                "VIEW_DOCUMENTS",
                150);
    }

    @Bean
    static NavigationEntry purchaseReceiptsNavigation() {
        return new NavigationEntry(
                "nav.section.purchasing",
                "nav.purchaseReceipts",
                "/documents?type=PURCHASE_RECEIPT",
                "VIEW_DOCUMENTS",
                151);
    }

    @Bean
    static NavigationEntry purchaseReturnsNavigation() {
        return new NavigationEntry(
                "nav.section.purchasing",
                "nav.purchaseReturns",
                "/documents?type=PURCHASE_RETURN",
                "VIEW_DOCUMENTS",
                152);
    }

    @Bean
    static NavigationEntry supplierInvoicesNavigation() {
        return new NavigationEntry(
                "nav.section.purchasing",
                "nav.supplierInvoices",
                "/documents?type=SUPPLIER_INVOICE",
                "VIEW_DOCUMENTS",
                154);
    }

    @Bean
    static NavigationEntry salesInvoicesNavigation() {
        return new NavigationEntry(
                "nav.section.sales", "nav.salesInvoices", "/documents?type=SALES_INVOICE", "VIEW_DOCUMENTS", 175);
    }

    @Bean
    static NavigationEntry landedCostsNavigation() {
        return new NavigationEntry(
                "nav.section.purchasing", "nav.landedCosts", "/documents?type=LANDED_COST", "VIEW_DOCUMENTS", 153);
    }

    @Bean
    static NavigationEntry salesOrdersNavigation() {
        return new NavigationEntry(
                "nav.section.sales", "nav.salesOrders", "/documents?type=SALES_ORDER", "VIEW_DOCUMENTS", 160);
    }

    @Bean
    static NavigationEntry salesDeliveriesNavigation() {
        return new NavigationEntry(
                "nav.section.sales", "nav.salesDeliveries", "/documents?type=SALES_DELIVERY", "VIEW_DOCUMENTS", 161);
    }

    @Bean
    static NavigationEntry salesReturnsNavigation() {
        return new NavigationEntry(
                "nav.section.sales", "nav.salesReturns", "/documents?type=SALES_RETURN", "VIEW_DOCUMENTS", 162);
    }

    @Bean
    static NavigationEntry pendingNavigation() {
        return new NavigationEntry("nav.section.inventory", "nav.pending", "/documents/pending", "VIEW_DOCUMENTS", 205);
    }

    @GetMapping("/documents")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String list(
            @RequestParam(required = false) DocumentType type,
            @RequestParam(required = false) DocumentStatus status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        var query = new DocumentQuery(type, status, null, warehouse, from, to, q);
        model.addAttribute("query", query);
        model.addAttribute("sort", sort);
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("statuses", DocumentStatus.values());
        model.addAttribute("warehouses", warehouseList());
        model.addAttribute("creatable", creatableTypes());
        model.addAttribute("result", documents.list(Actors.require(), query, PageQuery.of(page, 50, sort)));
        return "document/documents";
    }

    /** Documents that have not changed stock yet, oldest first: the ones somebody forgot. */
    @GetMapping("/documents/pending")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String pending(Model model) {
        Actor actor = Actors.require();
        var pending = new java.util.ArrayList<DocumentView>();
        for (DocumentStatus s : List.of(
                DocumentStatus.ON_HOLD, DocumentStatus.APPROVED, DocumentStatus.SUBMITTED, DocumentStatus.DRAFT)) {
            pending.addAll(documents
                    .list(
                            actor,
                            new DocumentQuery(null, s, null, null, null, null, null),
                            PageQuery.of(0, 200, "date,asc"))
                    .items());
        }
        pending.sort(java.util.Comparator.comparing(DocumentView::createdAt));
        model.addAttribute("pending", pending);
        model.addAttribute("today", LocalDate.now());
        return "document/pending";
    }

    @GetMapping("/documents/export")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    void export(
            @RequestParam(required = false) DocumentType type,
            @RequestParam(required = false) DocumentStatus status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q,
            HttpServletResponse response)
            throws IOException {
        var query = new DocumentQuery(type, status, null, warehouse, from, to, q);
        List<String> headers = Arrays.stream(new String[] {
                    "number",
                    "type",
                    "status",
                    "date",
                    "warehouse",
                    "toWarehouse",
                    "totalQty",
                    "createdBy",
                    "postedAt",
                    "remark"
                })
                .map(h -> message("documents." + h))
                .toList();
        Actor actor = Actors.require();
        ExcelExport.write(response, "documents.xlsx", headers, sink -> {
            int page = 0;
            while (true) {
                var result = documents.export(actor, query, PageQuery.of(page++, PageQuery.MAX_SIZE, null));
                for (DocumentView d : result.items()) {
                    sink.accept(Arrays.asList(
                            d.number(),
                            message("documentType." + d.type()),
                            message("documentStatus." + d.status()),
                            d.date(),
                            d.warehouse(),
                            d.toWarehouse(),
                            d.totalQty(),
                            d.createdBy(),
                            d.postedAt(),
                            d.remark()));
                }
                if (result.items().size() < PageQuery.MAX_SIZE) {
                    break;
                }
            }
        });
    }

    @GetMapping("/documents/new")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String newDocument(
            @RequestParam(defaultValue = "OTHER_INBOUND") DocumentType type,
            @RequestParam(required = false) Long source,
            Model model) {
        DocumentForm form;
        if (source != null) {
            // 下推: a receipt from an order, a return from a delivery, with what is still open.
            Actor actor = Actors.require();
            DocumentView from = documents.get(actor, source);
            form = followingLines.stream()
                    .map(f -> f.linesFollowing(actor, type, from))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .map(lines -> DocumentForm.following(type, from, lines))
                    .orElseGet(() -> DocumentForm.following(type, from));
            form.padRows(1);
        } else {
            form = new DocumentForm();
            form.setType(type);
            form.padRows(DocumentForm.BLANK_ROWS);
        }
        return form(model, form, null);
    }

    @PostMapping("/documents/new")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String create(
            @ModelAttribute("form") DocumentForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes flash) {
        if (!action.equals("save")) {
            return refresh(form, result, action, model, null);
        }
        DocumentCommand command = form.toCommand(this::sourceId);
        var created =
                formErrors.attempt(command, result, field -> field, () -> documents.create(Actors.require(), command));
        if (created.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("documents.saved", created.get().number()));
            return "redirect:/documents/" + created.get().id();
        }
        form.padRows(1);
        return form(model, form, null);
    }

    @GetMapping("/documents/{id}")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String detail(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        DocumentView doc = documents.get(actor, id);
        model.addAttribute("doc", doc);
        model.addAttribute("actions", actions(doc, inScope(doc.warehouse()), inScope(doc.toWarehouse())));
        model.addAttribute("attachments", documents.attachments(actor, id));
        if (doc.sourceDocument() != null) {
            model.addAttribute(
                    "sourceNumber", documents.get(actor, doc.sourceDocument()).number());
        }
        model.addAttribute("followers", documents.followers(actor, id));
        boolean scanning = doc.type() == DocumentType.SALES_DELIVERY
                && (doc.status() == DocumentStatus.DRAFT
                        || doc.status() == DocumentStatus.SUBMITTED
                        || doc.status() == DocumentStatus.APPROVED)
                && Actors.has(Permission.POST_SALES_DELIVERY);
        model.addAttribute("scans", scanning ? documents.scans(actor, id) : null);
        // The next document of the flow, offered while this one can still be followed.
        boolean open = doc.type().direction() == DocumentType.Direction.ORDER
                ? !doc.closed() && (doc.status() == DocumentStatus.APPROVED || doc.status() == DocumentStatus.POSTED)
                : doc.status() == DocumentStatus.POSTED;
        model.addAttribute(
                "nextType",
                doc.type()
                        .followedBy()
                        .filter(t -> open && Actors.has(Permission.forDocument("CREATE", t.name())))
                        .orElse(null));
        // A posted receipt is also invoiced by its supplier, a posted delivery to its customer.
        DocumentType invoiceType = doc.type() == DocumentType.PURCHASE_RECEIPT
                ? DocumentType.SUPPLIER_INVOICE
                : doc.type() == DocumentType.SALES_DELIVERY ? DocumentType.SALES_INVOICE : null;
        model.addAttribute(
                "invoiceType",
                invoiceType != null
                                && doc.status() == DocumentStatus.POSTED
                                && Actors.has(Permission.forDocument("CREATE", invoiceType.name()))
                        ? invoiceType
                        : null);
        model.addAttribute(
                "mayAttach",
                Actors.has(Permission.forDocument("EDIT", doc.type().name())) && inScope(doc.warehouse()));
        model.addAttribute(
                "history",
                audit.find(
                        actor.companyId(),
                        new AuditQuery(null, "Document", doc.number(), null, null, null),
                        PageQuery.of(0, 50, "occurredAt,asc")));
        return "document/document";
    }

    @GetMapping("/documents/{id}/edit")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String edit(@PathVariable long id, Model model) {
        DocumentForm form = DocumentForm.of(documents.get(Actors.require(), id));
        form.padRows(DocumentForm.BLANK_ROWS);
        return form(model, form, id);
    }

    @PostMapping("/documents/{id}/edit")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") DocumentForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes flash) {
        if (!action.equals("save")) {
            return refresh(form, result, action, model, id);
        }
        DocumentCommand command = form.toCommand(this::sourceId);
        var updated = formErrors.attempt(
                command, result, field -> field, () -> documents.update(Actors.require(), id, command));
        if (updated.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("documents.saved", updated.get().number()));
            return "redirect:/documents/" + id;
        }
        form.padRows(1);
        return form(model, form, id);
    }

    /** Workflow buttons: each posts here with the version the user saw. */
    @PostMapping("/documents/{id}/{action:submit|approve|post|unpost|cancel|release|close|delete}")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String act(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        try {
            DocumentView after = switch (action) {
                case "submit" -> documents.submit(actor, id, version);
                case "approve" -> documents.approve(actor, id, version);
                case "post" -> documents.post(actor, id, version);
                case "unpost" -> documents.unpost(actor, id, version);
                case "cancel" -> documents.cancel(actor, id, version);
                case "release" -> documents.release(actor, id, version);
                case "close" -> documents.close(actor, id, version);
                default -> {
                    documents.delete(actor, id, version);
                    yield null;
                }
            };
            if (after == null) {
                flash.addFlashAttribute("flashSuccess", message("documents.deleted"));
                return "redirect:/documents";
            }
            flash.addFlashAttribute(
                    "flashSuccess",
                    message("documents.done", after.number(), message("documentStatus." + after.status())));
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError",
                    messages.message(
                            LocaleContextHolder.getLocale(),
                            e.messageKey(),
                            e.args().toArray()));
        }
        return "redirect:/documents/" + id;
    }

    /** More rows, or a scanned barcode: re-renders the editor; htmx swaps just the lines. */
    private String refresh(DocumentForm form, BindingResult result, String action, Model model, Long editing) {
        if (action.equals("scan") && form.getScan() != null && !form.getScan().isBlank()) {
            String code = form.getScan().trim();
            var item = items.findByBarcode(Actors.require(), code)
                    .or(() -> items.find(Actors.require().companyId(), code));
            if (item.isPresent()) {
                form.addScanned(item.get().code(), item.get().unit());
                model.addAttribute("scanned", item.get().name());
            } else {
                result.rejectValue("scan", "unknown", message("documents.scanUnknown", code));
            }
            form.setScan(null);
            form.padRows(1);
        } else {
            form.padRows(DocumentForm.BLANK_ROWS);
        }
        return form(model, form, editing);
    }

    private String form(Model model, DocumentForm form, Long editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("types", creatableTypes());
        model.addAttribute("statuses", StockStatus.values());
        DocumentType type = form.getType();
        model.addAttribute("withPartner", type.partnerRole().isPresent());
        model.addAttribute("withSource", type.follows().isPresent() || type == DocumentType.LANDED_COST);
        model.addAttribute("allocationBases", org.openjxc.document.AllocationBasis.values());
        model.addAttribute(
                "withStatus",
                type.direction() == DocumentType.Direction.INBOUND
                        || type.direction() == DocumentType.Direction.STATUS_CHANGE);
        // Receipts are costed at their price; orders, deliveries and returns carry a price too.
        model.addAttribute("priced", type.partnerRole().isPresent() || type == DocumentType.OTHER_INBOUND);
        model.addAttribute("warehouses", warehouseList());
        Map<String, ItemView> known = new HashMap<>();
        for (DocumentForm.Line line : form.getLines()) {
            if (line.getItem() != null && !line.getItem().isBlank()) {
                items.find(Actors.require().companyId(), line.getItem().trim()).ifPresent(i -> known.put(i.code(), i));
            }
        }
        model.addAttribute("knownItems", known);
        // While ordering or receiving: the last prices paid this supplier, per item on the form.
        Map<String, List<org.openjxc.document.PurchasePrice>> prices = new HashMap<>();
        if ((type == DocumentType.PURCHASE_ORDER || type == DocumentType.PURCHASE_RECEIPT)
                && form.getPartner() != null
                && !form.getPartner().isBlank()
                && !known.isEmpty()
                && Actors.has(Permission.VIEW_PURCHASE_PRICE)) {
            documents
                    .recentPurchasePrices(Actors.require(), form.getPartner().trim(), List.copyOf(known.keySet()))
                    .forEach(p -> prices.computeIfAbsent(p.item(), k -> new ArrayList<>())
                            .add(p));
        }
        model.addAttribute("recentPrices", prices);
        return "document/document-form";
    }

    private List<org.openjxc.organization.WarehouseView> warehouseList() {
        return warehouses
                .list(
                        Actors.require(),
                        MasterDataQuery.of(null, true),
                        null,
                        PageQuery.of(0, PageQuery.MAX_SIZE, "code"))
                .items();
    }

    private static List<DocumentType> creatableTypes() {
        return Arrays.stream(DocumentType.values())
                .filter(t -> Actors.has(Permission.forDocument("CREATE", t.name())))
                .toList();
    }

    /** A scan at the packing table, from the delivery's page; the answer shows on the same page. */
    @PostMapping("/documents/{id}/scan")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String scan(
            @PathVariable long id,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String bin,
            RedirectAttributes flash) {
        try {
            documents.scan(Actors.require(), id, code, bin, null);
            flash.addFlashAttribute("flashSuccess", message("documents.scanOk", code));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", messages.sentence(LocaleContextHolder.getLocale(), e));
        }
        flash.addFlashAttribute("lastBin", bin);
        return "redirect:/documents/" + id;
    }

    /** A source document named by id or by number; an unknown number becomes an id nobody has. */
    private Long sourceId(String source) {
        if (source.chars().allMatch(Character::isDigit) && source.length() < 18) {
            return Long.valueOf(source);
        }
        return documents
                .list(
                        Actors.require(),
                        new DocumentQuery(null, null, null, null, null, null, source),
                        PageQuery.of(0, 5, null))
                .items()
                .stream()
                .filter(d -> d.number().equalsIgnoreCase(source))
                .map(DocumentView::id)
                .findFirst()
                .orElse(-1L);
    }

    /** Whether the acting user's data scope covers a warehouse. */
    private boolean inScope(String warehouse) {
        if (warehouse == null) {
            return false;
        }
        try {
            warehouses.get(Actors.require(), warehouse);
            return true;
        } catch (org.openjxc.shared.BusinessException outOfScope) {
            return false;
        }
    }

    /**
     * The buttons this user may press on this document in its state. The receiving side of a
     * transfer only receives; everything else belongs to the side that owns the document.
     */
    private static Set<String> actions(DocumentView d, boolean owningSide, boolean receivingSide) {
        String t = d.type().name();
        Set<String> actions = new LinkedHashSet<>();
        if (owningSide) {
            switch (d.status()) {
                case DRAFT -> {
                    add(actions, "EDIT", t, "edit");
                    add(actions, "SUBMIT", t, "submit");
                    add(actions, "DELETE", t, "delete");
                    add(actions, "CANCEL", t, "cancel");
                    add(actions, "POST", t, "post");
                }
                case SUBMITTED -> {
                    add(actions, "APPROVE", t, "approve");
                    add(actions, "POST", t, "post");
                    add(actions, "CANCEL", t, "cancel");
                }
                case APPROVED -> add(actions, "POST", t, "post");
                case ON_HOLD -> {
                    if (Actors.has(Permission.RELEASE_HOLD)) {
                        actions.addAll(List.of("release", "cancel"));
                    }
                }
                case POSTED -> {
                    if (d.type().direction() == DocumentType.Direction.ORDER && !d.closed()) {
                        add(actions, "CANCEL", t, "close");
                    }
                    add(actions, "UNPOST", t, "unpost");
                }
                default -> {}
            }
        }
        if (receivingSide
                && d.status() == DocumentStatus.POSTED
                && d.type() == DocumentType.TRANSFER
                && !d.fullyReceived()) {
            add(actions, "POST", t, "receive");
        }
        return actions;
    }

    private static void add(Set<String> actions, String permission, String type, String action) {
        if (Actors.has(Permission.forDocument(permission, type))) {
            actions.add(action);
        }
    }

    private String message(String key, Object... args) {
        return messages.message(LocaleContextHolder.getLocale(), key, args);
    }
}
