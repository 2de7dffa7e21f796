package org.openjxc.finance;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Enter a receipt or payment: the partner by code, the amount, the day (today when null) and the
 * account the money went through ({@code 1002} bank by default, or {@code 1001} cash).
 */
public record SettlementCommand(
        @NotNull SettlementKind kind,
        @NotBlank String partner,

        @NotNull @DecimalMin("0.01") @Digits(integer = 14, fraction = 2)
        BigDecimal amount,

        LocalDate date,
        String account,
        @Size(max = 300) String remark) {}
