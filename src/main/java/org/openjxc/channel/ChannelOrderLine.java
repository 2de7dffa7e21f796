package org.openjxc.channel;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A line as the shop knows it: its SKU (mapped, or our item code or barcode), quantity and price. */
public record ChannelOrderLine(
        @NotBlank String sku,

        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4)
        BigDecimal qty,

        @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal price) {}
