package org.openjxc.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The command to change a user: name, roles and data scope (API.md "Access and audit"). Lists
 * replace what the user had; no org units and no warehouses means the whole company.
 */
public record UserCommand(
        @NotBlank @Size(max = 100) String displayName,
        List<@NotBlank String> roles,
        List<@NotBlank String> orgUnits,
        List<@NotBlank String> warehouses,
        Boolean ownDocumentsOnly,
        @NotNull Integer version) {}
