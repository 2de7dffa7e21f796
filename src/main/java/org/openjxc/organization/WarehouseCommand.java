package org.openjxc.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openjxc.shared.Codes;

/** Create or change a warehouse; {@code orgUnit} is the owning org unit's code. */
public record WarehouseCommand(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = "{openjxc.code.pattern}")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotBlank String orgUnit,
        @Size(max = 300) String address,
        Boolean active,
        Integer version) {}
