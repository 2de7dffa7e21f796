package org.openjxc.production;

/** What a bill of materials describes. */
public enum BomKind {
    /** How an item is made by a production order (生产 BOM). */
    PRODUCTION,
    /** A kit sold as one item (组合商品): its components leave stock when it is delivered. */
    KIT,
    /** A store's dish or cake (配方): its ingredients are backflushed when it is sold and never come back. */
    RECIPE
}
