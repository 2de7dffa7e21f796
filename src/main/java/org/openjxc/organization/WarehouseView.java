package org.openjxc.organization;

/** A warehouse with its org unit and number of bins. */
public record WarehouseView(
        long id,
        String code,
        String name,
        String orgUnit,
        String orgUnitName,
        String address,
        boolean active,
        int version,
        long bins) {}
