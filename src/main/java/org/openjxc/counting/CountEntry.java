package org.openjxc.counting;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One entry at the shelf: the bin, the item (code or scanned barcode), its batch, the quantity
 * in {@code unit} (the item's base unit by default). {@code add} adds to what was entered for the
 * position (scanning piece by piece, several counters at one shelf) instead of replacing it.
 */
public record CountEntry(
        String bin,
        @NotBlank String item,
        @Size(max = 40) String batch,

        @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 4)
        BigDecimal qty,

        String unit,
        Boolean add) {}
