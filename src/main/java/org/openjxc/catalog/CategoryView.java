package org.openjxc.catalog;

/** An item category with its parent's code. */
public record CategoryView(long id, String code, String name, String parent, int version) {}
