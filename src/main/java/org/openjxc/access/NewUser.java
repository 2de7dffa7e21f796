package org.openjxc.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The command to create a user (API.md "Access and audit"). */
public record NewUser(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.@-]{3,64}", message = "{openjxc.username.pattern}")
        String username,

        @NotNull @Size(min = 8, max = 72, message = "{openjxc.password.size}")
        String password,

        @NotBlank @Size(max = 100) String displayName,
        List<@NotBlank String> roles,
        List<@NotBlank String> orgUnits,
        List<@NotBlank String> warehouses,
        Boolean ownDocumentsOnly) {

    public NewUser(
            String username,
            String password,
            String displayName,
            List<String> roles,
            List<String> orgUnits,
            List<String> warehouses) {
        this(username, password, displayName, roles, orgUnits, warehouses, null);
    }

    public List<String> rolesOrEmpty() {
        return roles == null ? List.of() : roles;
    }
}
