package org.openjxc.replenishment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;

/**
 * An item's replenishment settings: service level (0.95 = 95 % of cycles without running out),
 * review period in days, the supplier's minimum order and pack size in base units, and a lead
 * time in days that replaces the one learnt from receipts (null: learnt).
 */
public record ReplenishmentSetting(
        @DecimalMin(value = "0.5", inclusive = false)
        @DecimalMax(value = "1", inclusive = false)
        @Digits(integer = 1, fraction = 4)
        BigDecimal serviceLevel,

        @Min(1) @Max(365) Integer reviewDays,

        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4)
        BigDecimal minOrderQty,

        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4)
        BigDecimal packQty,

        @DecimalMin("0") @Digits(integer = 5, fraction = 2) BigDecimal leadTimeDays) {}
