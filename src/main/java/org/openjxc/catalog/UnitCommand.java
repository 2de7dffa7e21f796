package org.openjxc.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create a unit of measure. */
public record UnitCommand(
        @NotBlank @Pattern(regexp = "[\\p{L}\\p{N}_.-]{1,20}", message = "{openjxc.code.pattern}")
        String code,

        @NotBlank @Size(max = 60) String name) {}
