package org.openjxc.finance;

import jakarta.validation.constraints.NotNull;

/** Book {@code role} of {@code documentType} ("*" or null: all types) to {@code account}; blank removes the rule. */
public record VoucherRuleCommand(
        String documentType, @NotNull PostingRole role, String account) {}
