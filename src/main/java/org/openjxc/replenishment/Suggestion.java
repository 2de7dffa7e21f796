package org.openjxc.replenishment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One suggestion with the figures behind it. {@code kind}: {@code PURCHASE} (buy for
 * {@code warehouse} from {@code supplier}), {@code TRANSFER} (move from {@code fromWarehouse},
 * which has more than it needs, to {@code warehouse}), {@code EXPIRY_TRANSFER} (move a batch that
 * would expire unsold to {@code warehouse}, where it sells) or {@code EXPIRY_PROMOTE} (sell it off).
 */
public record Suggestion(
        String kind,
        String item,
        String itemName,
        String unit,
        String warehouse,
        String warehouseName,
        String fromWarehouse,
        String supplier,
        String supplierName,
        BigDecimal qty,
        BigDecimal available,
        BigDecimal inTransit,
        BigDecimal onOrder,
        BigDecimal dailyDemand,
        BigDecimal safetyStock,
        BigDecimal reorderPoint,
        String method,
        BigDecimal mase,
        BigDecimal leadTimeDays,
        boolean leadTimeLearnt,
        String batch,
        LocalDate expiryDate) {}
