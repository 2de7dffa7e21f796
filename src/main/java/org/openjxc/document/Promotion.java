package org.openjxc.document;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.openjxc.shared.Codes;

/**
 * "Buy {@code buyQty} of {@code item}, get {@code giftQty} of {@code giftItem}" between two dates,
 * quantities in base units. Applied when a sales order or delivery is created.
 */
public record Promotion(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = "{openjxc.code.pattern}")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotBlank String item,

        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4)
        BigDecimal buyQty,

        @NotBlank String giftItem,

        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4)
        BigDecimal giftQty,

        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        Boolean active) {}
