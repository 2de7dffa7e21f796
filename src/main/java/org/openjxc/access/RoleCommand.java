package org.openjxc.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Creates or changes a custom role; its permissions replace what it had. */
public record RoleCommand(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,64}", message = "{openjxc.role.pattern}")
        String code,

        @NotBlank @Size(max = 100) String name,
        @NotNull List<@NotBlank String> permissions) {}
