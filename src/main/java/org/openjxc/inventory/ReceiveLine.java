package org.openjxc.inventory;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** How much of a transfer line arrived (in base units; all that is still in transit when omitted) and where it goes. */
public record ReceiveLine(
        @NotNull Integer line,

        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4)
        BigDecimal qty,

        String bin) {}
