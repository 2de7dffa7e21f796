package org.openjxc.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openjxc.shared.Codes;

/** Create or change an org unit (门店 / 分公司). {@code parent} is the parent's code; null for a root. */
public record OrgUnitCommand(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = "{openjxc.code.pattern}")
        String code,

        @NotBlank @Size(max = 200) String name,
        String parent,
        Boolean active,
        Integer version) {}
