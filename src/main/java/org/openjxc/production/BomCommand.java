package org.openjxc.production;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A BOM version as entered: {@code outputQty} base units of {@code item} take each line's
 * {@code qty} (base units) plus its scrap; a by-product line comes out instead, at its unit cost.
 * Tolerance defaults to 5 %, rates to 0, validity to open-ended from today.
 */
public record BomCommand(
        @NotBlank String item,
        @NotBlank @Size(max = 20) String version,
        @NotNull BomKind kind,

        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4)
        BigDecimal outputQty,

        LocalDate validFrom,
        LocalDate validTo,

        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal tolerancePercent,

        @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal labourRate,
        @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal overheadRate,
        Boolean active,
        @Size(max = 500) String remark,
        @NotEmpty @Valid List<Line> lines) {

    public record Line(
            @NotBlank String item,

            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4)
            BigDecimal qty,

            @DecimalMin("0") @DecimalMax(value = "100", inclusive = false) @Digits(integer = 3, fraction = 2)
            BigDecimal scrapPercent,

            Boolean byProduct,

            @DecimalMin("0") @Digits(integer = 12, fraction = 6)
            BigDecimal unitCost) {}
}
