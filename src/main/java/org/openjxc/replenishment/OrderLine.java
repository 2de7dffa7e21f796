package org.openjxc.replenishment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A suggestion accepted (quantity as the user left it), to become a line of a draft document. */
public record OrderLine(
        @NotBlank @Pattern(regexp = "PURCHASE|TRANSFER|EXPIRY_TRANSFER")
        String kind,

        @NotBlank String item,
        @NotBlank String warehouse,
        String fromWarehouse,
        /** The batch a move of expiring stock takes. */
        String batch,

        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4)
        BigDecimal qty) {}
