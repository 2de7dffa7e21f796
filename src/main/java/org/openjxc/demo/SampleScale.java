package org.openjxc.demo;

/**
 * Sizes of a generated sample company (issue 12): {@code SMALL} and {@code LARGE} as the benchmarks
 * use them, {@code TINY} for a quick look and for the tests. Moves are a target the generator
 * reaches to within a few per cent.
 */
public enum SampleScale {
    TINY(40, 3, 12, 4, 60, 3_000),
    SMALL(1_000, 3, 50, 20, 365, 100_000),
    LARGE(100_000, 20, 500, 200, 3 * 365, 10_000_000);

    public final int items;
    public final int warehouses;
    public final int customers;
    public final int suppliers;
    public final int days;
    public final long moves;

    SampleScale(int items, int warehouses, int customers, int suppliers, int days, long moves) {
        this.items = items;
        this.warehouses = warehouses;
        this.customers = customers;
        this.suppliers = suppliers;
        this.days = days;
        this.moves = moves;
    }
}
