package org.openjxc.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openjxc.shared.Codes;

/**
 * Create or change a bin (货位) such as {@code A-03-02-01}. A bin that does not count as available
 * (临期品专区, 待检区) holds stock that is on hand but cannot be sold.
 */
public record BinCommand(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = "{openjxc.code.pattern}")
        String code,

        @Size(max = 200) String name,
        Boolean countsAsAvailable,
        Boolean active,
        Integer version) {}
