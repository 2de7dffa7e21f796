package org.openjxc.replenishment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One forecasting run for a company: the demand history of every item and warehouse streamed in
 * one ordered query (deliveries net of returns, and material issued to production, by day), each
 * series forecast (in parallel, in chunks), the lead time learnt from receipts against purchase
 * orders, and the forecast, safety stock and reorder point written in batches. The company's
 * forecasts are replaced in one transaction: readers see the previous run's until this one is done.
 *
 * <p>Demand is floating point here only as the statistics' input and output: nothing is booked from
 * it, and what is kept (forecast, deviation, safety stock, reorder point) is stored as NUMERIC,
 * rounded to four places.
 */
@Component
public class ForecastRun {

    private static final int CHUNK = 2_000;

    /** One series: an item in a warehouse, demand per day from {@code first} to yesterday. */
    record Series(long itemId, long warehouseId, LocalDate first, double[] demand) {}

    /** The replenishment settings of an item, or the defaults. */
    public record Setting(
            BigDecimal serviceLevel, int reviewDays, BigDecimal minOrderQty, BigDecimal packQty, BigDecimal leadTime) {
        static final Setting DEFAULT = new Setting(new BigDecimal("0.95"), 7, null, null, null);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate progress;
    private final int historyDays;
    private final BigDecimal defaultLeadTime;

    ForecastRun(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            @Value("${openjxc.replenishment.history-days:730}") int historyDays,
            @Value("${openjxc.replenishment.default-lead-time-days:7}") BigDecimal defaultLeadTime) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.progress = new TransactionTemplate(transactions.getTransactionManager());
        this.progress.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.historyDays = historyDays;
        this.defaultLeadTime = defaultLeadTime;
    }

    /** Forecasts every series of the company as of {@code today}; answers how many were written. */
    public int run(long companyId, long runId, LocalDate today) {
        // Whole milliseconds: the database keeps no more.
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate from = today.minusDays(historyDays);
        LocalDate yesterday = today.minusDays(1);
        Map<Long, Setting> settings = settings(companyId);
        Map<Long, double[]> leadTimes = leadTimes(companyId, today.minusDays(365));
        Integer total = jdbc.queryForObject("""
                select count(*) from (select distinct m.item_id, m.warehouse_id
                from document d join stock_move m on m.company_id = d.company_id and m.document_id = d.id
                where d.company_id = ? and d.doc_type in ('SALES_DELIVERY', 'SALES_RETURN', 'PRODUCTION_ISSUE')
                  and d.doc_date >= ? and d.doc_date <= ?) pairs""", Integer.class, companyId, Date.valueOf(from), Date.valueOf(yesterday));
        progress(companyId, runId, "series", total);

        List<Series> chunk = new ArrayList<>();
        int[] written = {0};
        var current = new Object() {
            long item = -1;
            long warehouse = -1;
            Map<LocalDate, Double> days = new HashMap<>();
            LocalDate first;
        };
        Runnable close = () -> {
            // A series that only ever had returns has no demand to forecast.
            if (current.item < 0 || current.first == null) {
                return;
            }
            int n = (int) ChronoUnit.DAYS.between(current.first, yesterday) + 1;
            double[] y = new double[Math.max(n, 1)];
            current.days.forEach((day, qty) -> {
                int i = (int) ChronoUnit.DAYS.between(current.first, day);
                if (i >= 0 && i < y.length) {
                    y[i] = Math.max(0, qty);
                }
            });
            chunk.add(new Series(current.item, current.warehouse, current.first, y));
            if (chunk.size() >= CHUNK) {
                written[0] += write(companyId, runId, chunk, settings, leadTimes, started, written[0]);
                chunk.clear();
            }
        };
        // Streamed in order, one series after another: never the whole history in memory. The old
        // forecasts go and the new ones come in one transaction, so readers never see half a run.
        transactions.executeWithoutResult(tx -> {
            jdbc.update("delete from demand_forecast where company_id = ?", companyId);
            jdbc.query(
                    con -> {
                        var ps = con.prepareStatement("""
                                select m.item_id, m.warehouse_id, d.doc_date, sum(m.qty)
                                from document d join stock_move m on m.company_id = d.company_id and m.document_id = d.id
                                where d.company_id = ?
                                  and d.doc_type in ('SALES_DELIVERY', 'SALES_RETURN', 'PRODUCTION_ISSUE')
                                  and d.doc_date >= ? and d.doc_date <= ?
                                group by m.item_id, m.warehouse_id, d.doc_date
                                order by m.item_id, m.warehouse_id, d.doc_date""");
                        ps.setLong(1, companyId);
                        ps.setDate(2, Date.valueOf(from));
                        ps.setDate(3, Date.valueOf(yesterday));
                        ps.setFetchSize(10_000);
                        return ps;
                    },
                    rs -> {
                        long item = rs.getLong(1);
                        long warehouse = rs.getLong(2);
                        if (item != current.item || warehouse != current.warehouse) {
                            close.run();
                            current.item = item;
                            current.warehouse = warehouse;
                            current.days = new HashMap<>();
                            current.first = null;
                        }
                        LocalDate day = rs.getObject(3, LocalDate.class);
                        // Stock leaves with a negative quantity: demand is its opposite, net of returns.
                        double qty = -rs.getBigDecimal(4).doubleValue();
                        if (current.first == null && qty > 0) {
                            current.first = day;
                        }
                        if (current.first != null) {
                            current.days.merge(day, qty, Double::sum);
                        }
                    });
            close.run();
            if (!chunk.isEmpty()) {
                written[0] += write(companyId, runId, chunk, settings, leadTimes, started, written[0]);
            }
        });
        return written[0];
    }

    /** Forecasts a chunk of series (on all cores) and inserts them in one batch. */
    private int write(
            long companyId,
            long runId,
            List<Series> chunk,
            Map<Long, Setting> settings,
            Map<Long, double[]> leadTimes,
            OffsetDateTime at,
            int before) {
        List<Object[]> rows = chunk.parallelStream()
                .map(s -> row(
                        companyId,
                        s,
                        settings.getOrDefault(s.itemId(), Setting.DEFAULT),
                        leadTimes.get(s.itemId()),
                        at))
                .toList();
        jdbc.batchUpdate("""
                insert into demand_forecast (company_id, item_id, warehouse_id, method, parameters, daily_demand,
                    demand_sd, mase, wape, intermittent, history_days, demand_days, lead_time_days, lead_time_sd,
                    lead_time_learnt, safety_stock, reorder_point, forecast, computed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        progress(companyId, runId, "done", before + chunk.size());
        return rows.size();
    }

    /** Progress is committed on its own, so that the page shows it while the run's transaction goes on. */
    private void progress(long companyId, long runId, String column, int value) {
        progress.executeWithoutResult(tx -> jdbc.update(
                "update replenishment_run set " + column + " = ? where company_id = ? and id = ?",
                value,
                companyId,
                runId));
    }

    private Object[] row(long companyId, Series s, Setting setting, double[] learnt, OffsetDateTime at) {
        Forecasting.Result r = Forecasting.forecast(s.demand());
        boolean fromReceipts = setting.leadTime() == null && learnt != null;
        double lead = setting.leadTime() != null
                ? setting.leadTime().doubleValue()
                : learnt != null ? learnt[0] : defaultLeadTime.doubleValue();
        double leadSd = fromReceipts ? learnt[1] : 0;
        double safety = Forecasting.safetyStock(setting.serviceLevel().doubleValue(), r.daily(), r.sd(), lead, leadSd);
        double reorder = r.daily() * lead + safety;
        int demandDays = 0;
        for (double v : s.demand()) {
            if (v > 0) {
                demandDays++;
            }
        }
        StringBuilder forecast = new StringBuilder();
        for (double v : r.forecast()) {
            if (!forecast.isEmpty()) {
                forecast.append(',');
            }
            forecast.append(BigDecimal.valueOf(v)
                    .setScale(2, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString());
        }
        return new Object[] {
            companyId,
            s.itemId(),
            s.warehouseId(),
            r.method(),
            r.parameters(),
            qty(r.daily()),
            qty(r.sd()),
            Double.isNaN(r.mase()) ? null : BigDecimal.valueOf(r.mase()).setScale(4, RoundingMode.HALF_UP),
            Double.isNaN(r.wape()) ? null : BigDecimal.valueOf(r.wape()).setScale(4, RoundingMode.HALF_UP),
            r.intermittent(),
            s.demand().length,
            demandDays,
            BigDecimal.valueOf(lead).setScale(2, RoundingMode.HALF_UP),
            BigDecimal.valueOf(leadSd).setScale(2, RoundingMode.HALF_UP),
            fromReceipts,
            qty(safety),
            qty(reorder),
            forecast.toString(),
            Timestamp.from(at.toInstant())
        };
    }

    private static BigDecimal qty(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
    }

    private Map<Long, Setting> settings(long companyId) {
        Map<Long, Setting> settings = new HashMap<>();
        jdbc.query(
                """
                select item_id, service_level, review_days, min_order_qty, pack_qty, lead_time_days
                from replenishment_setting where company_id = ?""",
                rs -> {
                    settings.put(
                            rs.getLong(1),
                            new Setting(
                                    rs.getBigDecimal(2),
                                    rs.getInt(3),
                                    rs.getBigDecimal(4),
                                    rs.getBigDecimal(5),
                                    rs.getBigDecimal(6)));
                },
                companyId);
        return settings;
    }

    /**
     * Lead time per item from its supplier, learnt from the last year's receipts against purchase
     * orders to the item's default supplier: days from the order's date to the receipt's, mean and
     * standard deviation.
     */
    Map<Long, double[]> leadTimes(long companyId, LocalDate since) {
        Map<Long, List<Long>> days = new HashMap<>();
        jdbc.query(
                """
                select distinct l.item_id, r.id, o.doc_date, r.doc_date
                from document r
                join document_line l on l.company_id = r.company_id and l.document_id = r.id
                join document o on o.company_id = r.company_id and o.id = r.source_document_id
                join item i on i.company_id = l.company_id and i.id = l.item_id
                where r.company_id = ? and r.doc_type = 'PURCHASE_RECEIPT' and r.status = 'POSTED'
                  and o.doc_type = 'PURCHASE_ORDER' and r.doc_date >= ?
                  and (i.default_supplier_id is null or r.partner_id = i.default_supplier_id)""",
                rs -> {
                    long d =
                            ChronoUnit.DAYS.between(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class));
                    days.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Math.max(0, d));
                },
                companyId,
                Date.valueOf(since));
        Map<Long, double[]> learnt = new HashMap<>();
        days.forEach((item, list) -> {
            double mean = list.stream().mapToLong(Long::longValue).average().orElse(0);
            double variance =
                    list.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / Math.max(1, list.size() - 1);
            learnt.put(item, new double[] {mean, list.size() > 1 ? Math.sqrt(variance) : 0});
        });
        return learnt;
    }
}
