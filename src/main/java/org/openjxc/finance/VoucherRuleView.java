package org.openjxc.finance;

/**
 * Where a role is booked: for one document type, or for all ({@code documentType} "*"); the
 * account in effect, and whether it is the built-in default.
 */
public record VoucherRuleView(
        String documentType, PostingRole role, String account, String accountName, boolean builtIn) {}
