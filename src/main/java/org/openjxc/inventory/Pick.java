package org.openjxc.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a picking list: take {@code qty} (base unit) of an item from a bin and batch. A row
 * with {@code shortage} set has no bin: that much cannot be picked from available stock.
 */
public record Pick(
        int line,
        String bin,
        String item,
        String itemName,
        String batch,
        LocalDate expiryDate,
        BigDecimal qty,
        String unit,
        boolean shortage) {}
