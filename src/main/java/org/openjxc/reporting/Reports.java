package org.openjxc.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openjxc.finance.ReconciliationCheck;
import org.openjxc.finance.Vouchers;
import org.openjxc.reporting.internal.ReportQueries;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports of API.md "Reports" that exist so far: the dashboard's alerts, stock balance as of
 * any date, and the in/out summary of a period. All filter by the actor's data scope in SQL and
 * leave out values for users who may not see cost.
 */
@Service
public class Reports {

    /** Batches expiring within this many days are an alert; documents older than this many days unposted. */
    static final int EXPIRY_DAYS = 30;

    static final int STALE_DAYS = 2;
    static final int PER_KIND = 50;

    private final ReportQueries queries;
    private final Vouchers vouchers;
    private final java.math.BigDecimal reconciliationAlertPercent;

    Reports(
            ReportQueries queries,
            Vouchers vouchers,
            @org.springframework.beans.factory.annotation.Value("${openjxc.reconciliation.alert-percent:0.5}")
                    java.math.BigDecimal reconciliationAlertPercent) {
        this.queries = queries;
        this.vouchers = vouchers;
        this.reconciliationAlertPercent = reconciliationAlertPercent;
    }

    /** What needs attention, most urgent kind first; each kind only for those who may see it. */
    @Transactional(readOnly = true)
    public List<Alert> alerts(Actor actor) {
        List<Alert> alerts = new ArrayList<>();
        if (Actors.has(Permission.VIEW_COST) && !actor.scope().restricted()) {
            // From the latest daily run, beyond the threshold: the checks read the whole ledger.
            for (ReconciliationCheck check :
                    vouchers.latestDifferences(actor.companyId(), reconciliationAlertPercent)) {
                alerts.add(new Alert(
                        AlertKind.RECONCILIATION_DIFFERENCE,
                        null,
                        null,
                        null,
                        null,
                        null,
                        check.name() + ": " + check.expected() + " / " + check.actual()));
            }
        }
        boolean documents = Actors.has(Permission.VIEW_DOCUMENTS);
        boolean stock = Actors.has(Permission.VIEW_STOCK);
        for (Alert a :
                queries.alerts(actor.companyId(), actor.scope(), LocalDate.now(), EXPIRY_DAYS, STALE_DAYS, PER_KIND)) {
            boolean aboutDocument = a.document() != null;
            if ((aboutDocument && documents) || (!aboutDocument && stock)) {
                alerts.add(a);
            }
        }
        alerts.sort(Comparator.comparing(Alert::kind));
        return alerts;
    }

    @Transactional(readOnly = true)
    public PageResult<StockBalanceRow> stockBalance(
            Actor actor, LocalDate date, String warehouse, String item, PageQuery page) {
        var result = queries.stockBalance(
                actor.companyId(), actor.scope(), date == null ? LocalDate.now() : date, warehouse, item, page);
        return Actors.has(Permission.VIEW_COST)
                ? result
                : result.map(r -> new StockBalanceRow(r.item(), r.itemName(), r.unit(), r.warehouse(), r.qty(), null));
    }

    /** Every row of the stock balance as of a date, one after another: what the export writes. */
    @Transactional(readOnly = true)
    public void eachStockBalance(
            Actor actor,
            LocalDate date,
            String warehouse,
            String item,
            java.util.function.Consumer<StockBalanceRow> each) {
        boolean cost = Actors.has(Permission.VIEW_COST);
        queries.eachStockBalance(
                actor.companyId(),
                actor.scope(),
                date == null ? LocalDate.now() : date,
                warehouse,
                item,
                r -> each.accept(
                        cost
                                ? r
                                : new StockBalanceRow(r.item(), r.itemName(), r.unit(), r.warehouse(), r.qty(), null)));
    }

    @Transactional(readOnly = true)
    public PageResult<InOutRow> inOut(
            Actor actor, LocalDate from, LocalDate to, String warehouse, String item, PageQuery page) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        if (start.isAfter(end)) {
            throw BusinessException.invalid("from", "error.report.period");
        }
        var result = queries.inOut(actor.companyId(), actor.scope(), start, end, warehouse, item, page);
        if (Actors.has(Permission.VIEW_COST)) {
            return result;
        }
        return result.map(r -> new InOutRow(
                r.item(),
                r.itemName(),
                r.unit(),
                r.warehouse(),
                r.openingQty(),
                null,
                r.inQty(),
                null,
                r.outQty(),
                null,
                r.closingQty(),
                null,
                r.inByType(),
                r.outByType()));
    }

    /**
     * Turnover and days of supply per item and warehouse over a period (default: the last 90
     * days); with {@code idleDays}, only stock that did not go out for that long (slow-moving and
     * dead stock); with {@code byValue}, the capital tied up, largest first.
     */
    @Transactional(readOnly = true)
    public PageResult<TurnoverRow> turnover(
            Actor actor,
            LocalDate from,
            LocalDate to,
            String warehouse,
            String item,
            Integer idleDays,
            boolean byValue,
            PageQuery page) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.minusDays(89) : from;
        if (start.isAfter(end)) {
            throw BusinessException.invalid("from", "error.report.period");
        }
        if (idleDays != null && idleDays < 1) {
            throw BusinessException.invalid("idleDays", "openjxc.qty.positive");
        }
        var result = queries.turnover(
                actor.companyId(), actor.scope(), start, end, warehouse, item, idleDays, byValue, page);
        if (Actors.has(Permission.VIEW_COST)) {
            return result;
        }
        return result.map(r -> new TurnoverRow(
                r.item(),
                r.itemName(),
                r.warehouse(),
                r.onHand(),
                null,
                r.soldQty(),
                null,
                null,
                null,
                r.daysOfSupply(),
                r.lastOutbound()));
    }

    /** Margin by item, category, customer, region or salesperson over a period (default: this month). */
    @Transactional(readOnly = true)
    public List<MarginRow> margin(Actor actor, LocalDate from, LocalDate to, String groupBy) {
        String group = groupBy == null || groupBy.isBlank() ? "item" : groupBy.trim();
        if (!ReportQueries.marginGroup(group)) {
            throw BusinessException.invalid("groupBy", "error.report.groupBy", group);
        }
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        if (start.isAfter(end)) {
            throw BusinessException.invalid("from", "error.report.period");
        }
        return queries.margin(actor.companyId(), actor.scope(), start, end, group);
    }

    /** The last {@code months} months (this one included), month by month, from 1 to 36. */
    @Transactional(readOnly = true)
    public List<TrendRow> trend(Actor actor, int months) {
        if (months < 1 || months > 36) {
            throw BusinessException.invalid("months", "error.report.months", 36);
        }
        LocalDate end = LocalDate.now();
        LocalDate start = end.withDayOfMonth(1).minusMonths(months - 1);
        return queries.trend(actor.companyId(), actor.scope(), start, end);
    }

    /** Margin per customer region × item category over a period (default: this month). */
    @Transactional(readOnly = true)
    public List<MarginCell> marginHeatmap(Actor actor, LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        if (start.isAfter(end)) {
            throw BusinessException.invalid("from", "error.report.period");
        }
        return queries.marginHeatmap(actor.companyId(), actor.scope(), start, end);
    }

    /** Who did what to documents in a period (default: the last 30 days), from the audit trail. */
    @Transactional(readOnly = true)
    public List<DocumentTraceRow> documentTrace(Actor actor, LocalDate from, LocalDate to, String user) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw BusinessException.invalid("from", "error.report.period");
        }
        return queries.documentTrace(
                actor.companyId(),
                actor.scope(),
                start.atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime(),
                end.plusDays(1).atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime(),
                user);
    }

    /** The inventory health score of each warehouse in scope, with the figures it is made of. */
    @Transactional(readOnly = true)
    public List<HealthRow> health(Actor actor) {
        return queries.health(actor.companyId(), actor.scope(), LocalDate.now());
    }
}
