package org.openjxc.inventory;

/** Filters of stock lists (codes); null means any. {@code q} matches item code or name. */
public record StockQuery(
        String item, String warehouse, String bin, String batch, String status, String q, boolean includeZero) {}
