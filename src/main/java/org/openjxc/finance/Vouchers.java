package org.openjxc.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjxc.document.DocumentPoster;
import org.openjxc.document.Documents;
import org.openjxc.document.PostingDocument;
import org.openjxc.finance.internal.ChartRows;
import org.openjxc.finance.internal.ReconciliationQueries;
import org.openjxc.finance.internal.VoucherRows;
import org.openjxc.finance.internal.VoucherRows.NewLine;
import org.openjxc.inventory.Stock;
import org.openjxc.partner.PartnerView;
import org.openjxc.partner.Partners;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Rounding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a voucher for every posting, in the posting's transaction and after the stock ledger (so
 * the cost of what left is known), and mirrors it on unpost. Default rules (DESIGN.md "Finance"):
 * purchase receipt Dr inventory / Cr AP; purchase return the reverse at the cost it left at;
 * sales delivery Dr AR / Cr revenue and Dr COGS / Cr inventory; sales return mirrored; other
 * receipts and issues against 待处理财产损溢. Orders, transfers and status changes move no value.
 * Revenue and stock are booked without VAT; the VAT of purchasing and sales lines goes to 2221.
 */
@Service
@Order(10)
public class Vouchers implements DocumentPoster {

    private final VoucherRows rows;
    private final Stock stock;
    /** Looked up when needed: the engine calls this poster, so it cannot be built before it. */
    private final ObjectProvider<Documents> documents;

    private final Partners partners;
    private final ReconciliationQueries reconciliation;
    private final ChartRows chart;
    private final JdbcClient jdbc;
    private final org.openjxc.finance.internal.InvoiceRows invoices;
    private final ObjectProvider<org.openjxc.production.Production> production;
    private final org.springframework.context.ApplicationEventPublisher events;

    Vouchers(
            VoucherRows rows,
            Stock stock,
            ObjectProvider<Documents> documents,
            Partners partners,
            ReconciliationQueries reconciliation,
            ChartRows chart,
            JdbcClient jdbc,
            org.openjxc.finance.internal.InvoiceRows invoices,
            ObjectProvider<org.openjxc.production.Production> production,
            org.springframework.context.ApplicationEventPublisher events) {
        this.production = production;
        this.events = events;
        this.rows = rows;
        this.stock = stock;
        this.documents = documents;
        this.partners = partners;
        this.reconciliation = reconciliation;
        this.chart = chart;
        this.jdbc = jdbc;
        this.invoices = invoices;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void post(PostingDocument d) {
        // Revenue without VAT; the VAT goes to 应交税费 (output tax on sales, input tax on purchases).
        BigDecimal amount = Rounding.amount(d.netAmount());
        BigDecimal tax = Rounding.amount(d.taxAmount());
        // What this posting moved: the document's stock value less what its earlier postings booked.
        BigDecimal value = Rounding.amount(stock.documentValue(d))
                .subtract(
                        d.firstPosting()
                                ? BigDecimal.ZERO
                                : rows.accountTotal(d.companyId(), d.id(), Account.INVENTORY.code()));
        // Booked under the company's rules as this server last read them, unless they changed since:
        // the voucher is then written under the rules in force now.
        ChartRows.Rules rules = chart.rememberedRules(d.companyId());
        List<NewLine> lines = lines(d, rules.accounts(), amount, tax, value);
        if (lines.isEmpty()) {
            return;
        }
        if (!rows.insertUnder(rules.fingerprint(), d.companyId(), d.id(), d.date(), merged(lines))) {
            lines = lines(d, chart.rulesNow(d.companyId()).accounts(), amount, tax, value);
            if (!lines.isEmpty()) {
                rows.insert(d.companyId(), d.id(), d.date(), null, merged(lines));
            }
        }
    }

    /** The voucher lines of a posting, unmerged; none for a type that books nothing. */
    private List<NewLine> lines(
            PostingDocument d, Map<String, String> rules, BigDecimal amount, BigDecimal tax, BigDecimal value) {
        Long partner = d.partnerId();
        // Control accounts are fixed; revenue, cost, VAT and the adjustment side follow the company's rules.
        String inventory = Account.INVENTORY.code();
        String payable = Account.PAYABLE.code();
        String receivable = Account.RECEIVABLE.code();
        String revenue = ChartOfAccounts.account(rules, d.type(), PostingRole.REVENUE);
        String cost = ChartOfAccounts.account(rules, d.type(), PostingRole.COST_OF_SALES);
        String inputTax = ChartOfAccounts.account(rules, d.type(), PostingRole.INPUT_TAX);
        String outputTax = ChartOfAccounts.account(rules, d.type(), PostingRole.OUTPUT_TAX);
        String adjustment = ChartOfAccounts.account(rules, d.type(), PostingRole.ADJUSTMENT);
        List<NewLine> lines = new ArrayList<>();
        // 开票确认收入: receivables and revenue wait for the customer invoice.
        boolean atInvoice = (d.type() == org.openjxc.document.DocumentType.SALES_DELIVERY
                        || d.type() == org.openjxc.document.DocumentType.SALES_RETURN
                        || d.type() == org.openjxc.document.DocumentType.SALES_INVOICE)
                && d.revenueAtInvoice();
        switch (d.type()) {
            // Payable at the value received (plus its VAT), which keeps the inventory account equal to
            // stock value; a rounding cent against the supplier's invoice is settled when invoices come.
            case PURCHASE_RECEIPT -> {
                pair(lines, inventory, payable, value, null, partner);
                pair(lines, inputTax, payable, tax, null, partner);
            }
            case PURCHASE_RETURN -> {
                pair(lines, payable, inventory, value.negate(), partner, null);
                pair(lines, payable, inputTax, tax, partner, null);
            }
            case SALES_DELIVERY -> {
                if (!atInvoice) {
                    pair(lines, receivable, revenue, amount, partner, null);
                    pair(lines, receivable, outputTax, tax, partner, null);
                }
                pair(lines, cost, inventory, value.negate(), null, null);
            }
            case SALES_RETURN -> {
                if (atInvoice) {
                    // Only what had been invoiced is credited to the customer.
                    BigDecimal net = BigDecimal.ZERO;
                    BigDecimal vat = BigDecimal.ZERO;
                    if (d.sourceDocumentId() != null) {
                        for (var r : invoices.reverse(d.companyId(), d.id(), d.sourceDocumentId(), d.lines())) {
                            net = net.add(r.net());
                            vat = vat.add(r.tax());
                        }
                    }
                    pair(lines, revenue, receivable, net, null, partner);
                    pair(lines, outputTax, receivable, vat, null, partner);
                } else {
                    pair(lines, revenue, receivable, amount, null, partner);
                    pair(lines, outputTax, receivable, tax, null, partner);
                }
                pair(lines, inventory, cost, value, null, null);
            }
            // 销售发票: at invoice, the receivable, revenue and output VAT; otherwise only what the
            // invoice charges beyond what the delivery booked.
            case SALES_INVOICE -> {
                BigDecimal net = atInvoice
                        ? amount
                        : Rounding.amount(d.lines().stream()
                                .map(org.openjxc.document.PostingLine::priceDifference)
                                .reduce(BigDecimal.ZERO, BigDecimal::add));
                BigDecimal vat = atInvoice
                        ? tax
                        : Rounding.amount(d.lines().stream()
                                .map(org.openjxc.document.PostingLine::taxDifference)
                                .reduce(BigDecimal.ZERO, BigDecimal::add));
                pair(lines, receivable, revenue, net, partner, null);
                pair(lines, receivable, outputTax, vat, partner, null);
            }
            case OTHER_INBOUND -> pair(lines, inventory, adjustment, value, null, null);
            case OTHER_OUTBOUND -> pair(lines, adjustment, inventory, value.negate(), null, null);
            // 生产领料 Dr 生产成本 / Cr 库存商品; 完工入库 Dr 库存商品 / Cr 生产成本 for the materials and
            // Cr 制造费用 for the labour and overhead absorbed; 拆卸 moves value within stock (nets to nothing).
            case PRODUCTION_ISSUE ->
                pair(
                        lines,
                        ChartOfAccounts.account(rules, d.type(), PostingRole.WORK_IN_PROGRESS),
                        inventory,
                        value.negate(),
                        null,
                        null);
            case PRODUCTION_RECEIPT -> {
                BigDecimal conversion = Rounding.amount(production.getObject().conversionCost(d.companyId(), d.id()));
                pair(
                        lines,
                        inventory,
                        ChartOfAccounts.account(rules, d.type(), PostingRole.WORK_IN_PROGRESS),
                        value.subtract(conversion),
                        null,
                        null);
                pair(
                        lines,
                        inventory,
                        ChartOfAccounts.account(rules, d.type(), PostingRole.ABSORBED_OVERHEAD),
                        conversion,
                        null,
                        null);
            }
            case DISASSEMBLY -> pair(lines, inventory, adjustment, value, null, null);
            // 盘盈 Dr 库存商品 / Cr 待处理财产损溢, 盘亏 the other way round: the net of the count.
            case COUNT_ADJUSTMENT -> pair(lines, inventory, adjustment, value, null, null);
            // 运费、关税: what landed on stock still held into inventory, the rest (already sold) into
            // cost of sales; payable to the carrier with the VAT of its invoice.
            case LANDED_COST -> {
                pair(lines, inventory, payable, value, null, partner);
                pair(lines, cost, payable, amount.subtract(value), null, partner);
                pair(lines, inputTax, payable, tax, null, partner);
            }
            // 采购发票: the price difference into stock for what is held and cost of sales for the rest,
            // its VAT difference into input tax, and the payable follows the invoice.
            case SUPPLIER_INVOICE -> {
                BigDecimal difference = Rounding.amount(d.lines().stream()
                        .map(org.openjxc.document.PostingLine::priceDifference)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
                BigDecimal taxDifference = Rounding.amount(d.lines().stream()
                        .map(org.openjxc.document.PostingLine::taxDifference)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
                pair(lines, inventory, payable, value, null, partner);
                pair(lines, cost, payable, difference.subtract(value), null, partner);
                pair(lines, inputTax, payable, taxDifference, null, partner);
            }
            default -> {
                return List.of();
            }
        }
        return lines;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void unpost(PostingDocument d) {
        if (d.type() == org.openjxc.document.DocumentType.SALES_RETURN) {
            invoices.forget(d.companyId(), d.id());
        }
        Long standing = rows.standing(d.companyId(), d.id()).orElse(null);
        List<NewLine> lines = new ArrayList<>();
        if (standing != null) {
            rows.lines(d.companyId(), standing).stream()
                    .map(l -> new NewLine(l.account(), l.credit(), l.debit(), l.partnerId()))
                    .forEach(lines::add);
        }
        // At moving average, stock that went back out may not take exactly the value it brought (the
        // average moved, or it was the last of the item): the books follow the stock, the difference
        // going to cost of sales, so that inventory always equals stock value.
        String inventory = Account.INVENTORY.code();
        BigDecimal booked = rows.accountTotal(d.companyId(), d.id(), inventory);
        for (NewLine l : lines) {
            if (l.account().equals(inventory)) {
                booked = booked.add(l.debit()).subtract(l.credit());
            }
        }
        BigDecimal residual =
                Rounding.amount(stock.documentValue(d.companyId(), d.id())).subtract(booked);
        pair(
                lines,
                inventory,
                ChartOfAccounts.account(chart.rules(d.companyId()), d.type(), PostingRole.COST_OF_SALES),
                residual,
                null,
                null);
        if (!lines.isEmpty()) {
            // Dated like the document: its period is open (closed ones refuse unposting), and the books
            // of each day then agree with the stock moved by the documents of that day.
            rows.insert(d.companyId(), d.id(), d.date(), standing, merged(lines));
        }
    }

    /**
     * Books re-valuation corrections in their transaction: per date of the corrected moves, the
     * inventory account against cost of sales (or, for other receipts and issues and counts, the
     * adjustment account of that type's rule), so that stock value and the inventory account stay
     * equal day by day. A shipment's correction and its arrival's cancel out over the two warehouses.
     */
    @org.springframework.context.event.EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void revalued(org.openjxc.inventory.StockRevalued event) {
        Map<String, String> rules = chart.rules(event.companyId());
        Map<LocalDate, List<NewLine>> byDate = new java.util.TreeMap<>();
        for (var amount : event.amounts()) {
            String counter = switch (amount.type()) {
                case OTHER_INBOUND, OTHER_OUTBOUND, COUNT_ADJUSTMENT, DISASSEMBLY ->
                    ChartOfAccounts.account(rules, amount.type(), PostingRole.ADJUSTMENT);
                // Materials issued at a corrected cost: work in progress carries the difference.
                case PRODUCTION_ISSUE, PRODUCTION_RECEIPT ->
                    ChartOfAccounts.account(rules, amount.type(), PostingRole.WORK_IN_PROGRESS);
                default -> ChartOfAccounts.account(rules, amount.type(), PostingRole.COST_OF_SALES);
            };
            pair(
                    byDate.computeIfAbsent(amount.date(), d -> new ArrayList<>()),
                    Account.INVENTORY.code(),
                    counter,
                    Rounding.amount(amount.value()),
                    null,
                    null);
        }
        byDate.forEach((date, lines) -> {
            List<NewLine> merged = merged(lines);
            if (!merged.isEmpty()) {
                rows.insertRevaluation(
                        event.companyId(), event.documentId() == 0 ? null : event.documentId(), date, merged);
            }
        });
    }

    /**
     * One line per account and partner, netted to one side, debits first, as a bookkeeper writes it
     * (the payable of goods and of their VAT together).
     */
    private static List<NewLine> merged(List<NewLine> lines) {
        java.util.Map<String, NewLine> byKey = new java.util.LinkedHashMap<>();
        for (NewLine l : lines) {
            byKey.merge(
                    l.account() + "|" + l.partnerId(),
                    l,
                    (a, b) -> new NewLine(
                            a.account(), a.debit().add(b.debit()), a.credit().add(b.credit()), a.partnerId()));
        }
        // Each account on one side only, debits before credits.
        return byKey.values().stream()
                .map(l -> {
                    BigDecimal net = l.debit().subtract(l.credit());
                    return net.signum() >= 0
                            ? new NewLine(l.account(), net, BigDecimal.ZERO, l.partnerId())
                            : new NewLine(l.account(), BigDecimal.ZERO, net.negate(), l.partnerId());
                })
                .filter(l -> l.debit().signum() != 0 || l.credit().signum() != 0)
                .sorted(java.util.Comparator.comparing(l -> l.debit().signum() > 0 ? 0 : 1))
                .toList();
    }

    /** Dr {@code debit} / Cr {@code credit} of {@code amount}; nothing for zero, swapped for negative. */
    private static void pair(
            List<NewLine> lines,
            String debit,
            String credit,
            BigDecimal amount,
            Long debitPartner,
            Long creditPartner) {
        if (amount.signum() == 0) {
            return;
        }
        if (amount.signum() < 0) {
            pair(lines, credit, debit, amount.negate(), creditPartner, debitPartner);
            return;
        }
        lines.add(new NewLine(debit, amount, BigDecimal.ZERO, debitPartner));
        lines.add(new NewLine(credit, BigDecimal.ZERO, amount, creditPartner));
    }

    @Transactional(readOnly = true)
    public List<VoucherView> ofDocument(Actor actor, long documentId) {
        return rows.ofDocument(
                actor.companyId(), documents.getObject().get(actor, documentId).id());
    }

    /** The company's vouchers, filtered and paged: the books, so not for users limited to some warehouses. */
    @Transactional(readOnly = true)
    public org.openjxc.shared.PageResult<VoucherView> list(
            Actor actor, VoucherQuery query, org.openjxc.shared.PageQuery page) {
        actor.scope().requireWholeCompany();
        return rows.list(actor.companyId(), query, page);
    }

    @Transactional(readOnly = true)
    public PartnerBalance balance(Actor actor, String partnerCode) {
        PartnerView p = partners.get(actor, partnerCode);
        return new PartnerBalance(
                p.code(),
                Rounding.amount(rows.balance(actor.companyId(), Account.RECEIVABLE.code(), p.id())),
                Rounding.amount(rows.balance(actor.companyId(), Account.PAYABLE.code(), p.id())
                        .negate()));
    }

    /**
     * The reconciliation checks through {@code date} (today when null): stock value against the
     * inventory account, deliveries against receivables, receipts against payables. A difference is
     * shown with the documents behind it, never hidden.
     */
    @Transactional(readOnly = true)
    public List<ReconciliationCheck> reconcile(Actor actor, LocalDate date) {
        actor.scope().requireWholeCompany();
        return reconcile(actor.companyId(), date == null ? LocalDate.now() : date);
    }

    List<ReconciliationCheck> reconcile(long companyId, LocalDate date) {
        return List.of(
                reconciliation.stockVsInventory(companyId, date),
                reconciliation.deliveriesVsReceivables(companyId, date),
                reconciliation.receiptsVsPayables(companyId, date));
    }

    /** Runs the checks as of today for every company and keeps the figures (the daily run). */
    @Transactional
    public void runReconciliation() {
        LocalDate today = LocalDate.now();
        for (long company : jdbc.sql("select id from company").query(Long.class).list()) {
            recordRun(company, today);
        }
    }

    /** Runs the checks as of today for the actor's company now, and keeps the figures. */
    @Transactional
    public List<ReconciliationCheck> runReconciliation(Actor actor) {
        actor.scope().requireWholeCompany();
        return recordRun(actor.companyId(), LocalDate.now());
    }

    private List<ReconciliationCheck> recordRun(long company, LocalDate day) {
        List<ReconciliationCheck> checks = reconcile(company, day);
        jdbc.sql("delete from reconciliation_result where company_id = ? and checked_on = ?")
                .params(company, day)
                .update();
        for (ReconciliationCheck c : checks) {
            jdbc.sql("""
                            insert into reconciliation_result (company_id, checked_on, check_name, expected, actual,
                                                               difference, checked_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            company,
                            day,
                            c.name(),
                            c.expected(),
                            c.actual(),
                            c.difference(),
                            java.time.OffsetDateTime.now())
                    .update();
            if (c.difference().signum() != 0) {
                events.publishEvent(new ReconciliationDifferenceFound(
                        company, day, c.name(), c.expected(), c.actual(), c.difference()));
            }
        }
        return checks;
    }

    /**
     * Differences of the latest daily run beyond {@code percent} of what was expected (any
     * difference when nothing was expected), for the dashboard's alerts.
     */
    @Transactional(readOnly = true)
    public List<ReconciliationCheck> latestDifferences(long companyId, BigDecimal percent) {
        return jdbc.sql("""
                        select check_name, expected, actual, difference from reconciliation_result
                        where company_id = ? and checked_on = (select max(checked_on) from reconciliation_result
                                                               where company_id = ?)
                          and difference <> 0 and (expected = 0 or abs(difference) * 100 > abs(expected) * ?)
                        order by check_name""")
                .params(companyId, companyId, percent)
                .query((rs, n) -> new ReconciliationCheck(
                        rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), List.of()))
                .list();
    }
}
