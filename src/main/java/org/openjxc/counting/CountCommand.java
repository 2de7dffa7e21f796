package org.openjxc.counting;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.openjxc.catalog.AbcClass;

/**
 * What to count in a warehouse. A {@code FULL} count lists every position holding stock; a
 * {@code CYCLE} count the given share of the items of one ABC class, those counted longest ago
 * first; an {@code AD_HOC} count the positions of a bin range, a category or a list of items.
 * {@code blind} hides the system quantity from counters; {@code freeze} holds postings into the
 * counted bins until the count is approved or cancelled; lines differing by more than
 * {@code tolerancePercent} must be counted again (0: no recount).
 */
public record CountCommand(
        @NotBlank String warehouse,
        @NotNull CountKind kind,
        AbcClass abcClass,
        @Min(1) @Max(100) Integer samplePercent,
        String binFrom,
        String binTo,
        String category,
        List<@NotBlank String> items,
        Boolean blind,
        Boolean freeze,
        @DecimalMin("0") @DecimalMax("100") BigDecimal tolerancePercent,
        @Size(max = 500) String remark) {}
