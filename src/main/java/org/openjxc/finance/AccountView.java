package org.openjxc.finance;

/** An account of the chart; {@code used} when vouchers or rules name it. */
public record AccountView(String code, String name, boolean used) {}
