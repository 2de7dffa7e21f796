package org.openjxc.reporting;

import java.math.BigDecimal;

/** One cell of the margin heat map: a customer region and an item category over a period. */
public record MarginCell(
        String region,
        String category,
        String categoryName,
        BigDecimal revenue,
        BigDecimal cost,
        BigDecimal margin,
        BigDecimal marginPercent) {}
