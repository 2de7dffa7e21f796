package org.openjxc.organization;

/** A company (账套): every business record belongs to exactly one. */
public record Company(long id, String code, String name) {}
