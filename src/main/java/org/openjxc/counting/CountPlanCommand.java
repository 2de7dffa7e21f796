package org.openjxc.counting;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.openjxc.catalog.AbcClass;

/** A cycle-count plan: in a warehouse, count {@code samplePercent} of class {@code abcClass} every {@code everyDays}. */
public record CountPlanCommand(
        @NotBlank String warehouse,
        @NotNull AbcClass abcClass,
        @NotNull @Min(1) @Max(100) Integer samplePercent,
        @NotNull @Min(1) @Max(366) Integer everyDays,
        Boolean blind,
        @DecimalMin("0") @DecimalMax("100") BigDecimal tolerancePercent,
        Boolean active) {}
