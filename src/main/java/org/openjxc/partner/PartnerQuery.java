package org.openjxc.partner;

/** Partner list filters; null means any. {@code q} matches code, name and pinyin initials. */
public record PartnerQuery(String q, PartnerType type, String region, String salesperson, Boolean active) {}
