package org.openjxc.catalog;

/** A unit of measure (瓶, 箱, kg …). */
public record UnitView(long id, String code, String name) {}
