package org.openjxc.finance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Add an account, or rename one: codes are digits, four for a first-level account and two more
 * per level below it (222101 under 2221), and a sub-account's parent must exist.
 */
public record AccountCommand(
        @NotBlank @Pattern(regexp = "[0-9]{4}([0-9]{2}){0,4}", message = "{openjxc.account.pattern}")
        String code,

        @NotBlank @Size(max = 100) String name) {}
