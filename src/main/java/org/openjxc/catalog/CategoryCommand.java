package org.openjxc.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openjxc.shared.Codes;

/** Create or change an item category; {@code parent} is the parent category's code. */
public record CategoryCommand(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = "{openjxc.code.pattern}")
        String code,

        @NotBlank @Size(max = 200) String name,
        String parent,
        Integer version) {}
