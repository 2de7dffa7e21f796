package org.openjxc.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** An alternate unit of an item: one {@code unit} is {@code factor} base units (箱 = 24 瓶). */
public record UnitFactor(
        @NotBlank String unit,

        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "{openjxc.factor.positive}")
        @Digits(integer = 12, fraction = 6)
        BigDecimal factor) {}
