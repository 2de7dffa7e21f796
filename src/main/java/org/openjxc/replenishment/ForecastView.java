package org.openjxc.replenishment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An item's forecast in a warehouse as the chart shows it: the method and how far to trust it,
 * the demand of the last days, the forecast of the next ones, and the projected stock (available
 * and in transit now, less the forecast, plus open purchase orders when they are expected).
 */
public record ForecastView(
        String item,
        String itemName,
        String unit,
        String warehouse,
        String method,
        String parameters,
        BigDecimal dailyDemand,
        BigDecimal demandSd,
        BigDecimal mase,
        BigDecimal wape,
        boolean intermittent,
        int historyDays,
        int demandDays,
        BigDecimal leadTimeDays,
        BigDecimal leadTimeSd,
        boolean leadTimeLearnt,
        BigDecimal safetyStock,
        BigDecimal reorderPoint,
        OffsetDateTime computedAt,
        List<Day> history,
        List<Day> forecast,
        List<Day> projection) {

    public record Day(LocalDate date, BigDecimal qty) {}
}
