package org.openjxc.access;

/** A permission point with the group it belongs to (a document type, master data, administration). */
public record PermissionView(String code, String group, String label) {}
