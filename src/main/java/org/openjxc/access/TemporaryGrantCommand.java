package org.openjxc.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Gives a user a role until a time, for one warehouse or (without one) wherever their scope reaches. */
public record TemporaryGrantCommand(
        @NotBlank String role,
        String warehouse,
        @NotNull OffsetDateTime until,
        @Size(max = 300) String reason) {}
