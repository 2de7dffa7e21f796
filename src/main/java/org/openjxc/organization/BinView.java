package org.openjxc.organization;

/** A bin of a warehouse. */
public record BinView(
        long id, String warehouse, String code, String name, boolean countsAsAvailable, boolean active, int version) {}
