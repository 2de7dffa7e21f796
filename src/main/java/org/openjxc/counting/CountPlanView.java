package org.openjxc.counting;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A cycle-count plan and when it next makes a count. */
public record CountPlanView(
        long id,
        String warehouse,
        String warehouseName,
        String abcClass,
        int samplePercent,
        int everyDays,
        boolean blind,
        BigDecimal tolerancePercent,
        boolean active,
        LocalDate nextDue) {}
