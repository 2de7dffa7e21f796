package org.openjxc.finance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.openjxc.finance.VoucherQuery;
import org.openjxc.finance.VoucherView;
import org.openjxc.finance.Vouchers;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The voucher book (list, export), the vouchers of a document and the reconciliation, as pages. */
@Controller
class FinancePagesController {

    private final Vouchers vouchers;
    private final ProblemWriter messages;

    FinancePagesController(Vouchers vouchers, ProblemWriter messages) {
        this.vouchers = vouchers;
        this.messages = messages;
    }

    private String message(String key, Object... args) {
        return messages.message(LocaleContextHolder.getLocale(), key, args);
    }

    @Bean
    static NavigationEntry reconciliationNavigation() {
        return new NavigationEntry("nav.section.finance", "nav.reconciliation", "/reconciliation", "VIEW_COST", 700);
    }

    @GetMapping("/documents/{id}/vouchers")
    @RequiresPermission(Permission.VIEW_COST)
    String vouchers(@PathVariable long id, Model model) {
        model.addAttribute("documentId", id);
        model.addAttribute("vouchers", vouchers.ofDocument(Actors.require(), id));
        return "finance/vouchers";
    }

    @Bean
    static NavigationEntry vouchersNavigation() {
        return new NavigationEntry("nav.section.finance", "nav.vouchers", "/vouchers", "VIEW_COST", 690);
    }

    @GetMapping("/vouchers")
    @RequiresPermission(Permission.VIEW_COST)
    String list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String document,
            @RequestParam(required = false) Integer page,
            Model model) {
        var query = new VoucherQuery(from, to, account, partner, document);
        model.addAttribute("query", query);
        model.addAttribute("vouchers", vouchers.list(Actors.require(), query, PageQuery.of(page, 50, null)));
        return "finance/voucher-list";
    }

    /**
     * The voucher book for accounting software, one row per voucher line, in one of three layouts
     * (docs/ACCOUNTING-EXPORT.md): {@code generic} (日期, 凭证字, 凭证号, 摘要, 科目代码, 科目名称,
     * 借方金额, 贷方金额, 往来单位), {@code kingdee} (金蝶 KIS/K3 凭证引入) or {@code yonyou}
     * (用友 T3/U8 凭证导入); {@code period} (2026-11) stands for its first and last day.
     */
    @GetMapping(
            value = {"/api/v1/vouchers", "/vouchers"},
            params = "format=xlsx")
    @RequiresPermission(Permission.VIEW_COST)
    void export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) java.time.YearMonth period,
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String document,
            @RequestParam(defaultValue = "generic") String layout,
            HttpServletResponse response)
            throws IOException {
        Actor actor = Actors.require();
        if (!List.of("generic", "kingdee", "yonyou").contains(layout)) {
            throw org.openjxc.shared.BusinessException.invalid("layout", "error.vouchers.layout", layout);
        }
        var query = new VoucherQuery(
                period != null ? period.atDay(1) : from,
                period != null ? period.atEndOfMonth() : to,
                account,
                partner,
                document);
        List<String> headers = COLUMNS.get(layout).stream()
                .map(h -> message("vouchers.export." + h))
                .toList();
        String word = message("vouchers.export.wordValue");
        ExcelExport.write(
                response,
                "vouchers-" + layout + ".xlsx",
                headers,
                sink -> ExcelExport.eachOfAllPages(
                        p -> vouchers.list(actor, query, PageQuery.of(p, PageQuery.MAX_SIZE, null)),
                        (VoucherView v) -> {
                            String summary = (v.documentType() == null
                                            ? ""
                                            : message("documentType." + v.documentType()) + " " + v.documentNumber())
                                    + (v.reversalOf() == null ? "" : " " + message("vouchers.reversal", v.reversalOf()))
                                    + (v.revaluation() ? " " + message("vouchers.revaluation") : "");
                            int entry = 0;
                            for (VoucherView.Line l : v.lines()) {
                                entry++;
                                sink.accept(row(layout, v, l, entry, word, summary.trim()));
                            }
                        }));
    }

    /** The columns of each layout, as message keys under {@code vouchers.export.}. */
    private static final java.util.Map<String, List<String>> COLUMNS = java.util.Map.of(
            "generic",
            List.of("date", "word", "number", "summary", "account", "accountName", "debit", "credit", "partner"),
            "kingdee",
            List.of(
                    "date",
                    "year",
                    "period",
                    "word",
                    "number",
                    "entry",
                    "summary",
                    "account",
                    "accountName",
                    "currency",
                    "amount",
                    "debit",
                    "credit",
                    "item",
                    "preparer"),
            "yonyou",
            List.of(
                    "date",
                    "category",
                    "number",
                    "summary",
                    "accountCode",
                    "debit",
                    "credit",
                    "customer",
                    "supplier",
                    "preparer"));

    private static List<Object> row(
            String layout, VoucherView v, VoucherView.Line l, int entry, String word, String summary) {
        BigDecimal amount = l.debit().signum() != 0 ? l.debit() : l.credit();
        return switch (layout) {
            case "kingdee" ->
                Arrays.asList(
                        v.date(),
                        v.date().getYear(),
                        v.date().getMonthValue(),
                        word,
                        v.id(),
                        entry,
                        summary,
                        l.account(),
                        l.accountName(),
                        "RMB",
                        amount,
                        l.debit(),
                        l.credit(),
                        l.partner(),
                        "OpenJXC");
            case "yonyou" ->
                Arrays.asList(
                        v.date(),
                        word,
                        v.id(),
                        summary,
                        l.account(),
                        l.debit(),
                        l.credit(),
                        l.account().startsWith("1122") ? l.partner() : null,
                        l.account().startsWith("2202") ? l.partner() : null,
                        "OpenJXC");
            default ->
                Arrays.asList(
                        v.date(),
                        word,
                        v.id(),
                        summary,
                        l.account(),
                        l.accountName(),
                        l.debit(),
                        l.credit(),
                        l.partner());
        };
    }

    @GetMapping("/reconciliation")
    @RequiresPermission(Permission.VIEW_COST)
    String reconciliation(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        model.addAttribute("date", date == null ? LocalDate.now() : date);
        model.addAttribute("checks", vouchers.reconcile(Actors.require(), date));
        return "finance/reconciliation";
    }
}
