package org.openjxc.organization;

/** An org unit as lists and the API show it. */
public record OrgUnitView(long id, String code, String name, String parent, boolean active, int version) {}
