package org.openjxc.catalog;

/**
 * Item list filters; null means any. {@code q} matches code, name, pinyin initials or an exact
 * barcode; {@code category} includes its sub-categories.
 */
public record ItemQuery(String q, String category, ItemType type, AbcClass abcClass, Boolean active) {}
