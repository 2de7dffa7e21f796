package org.openjxc.catalog;

/** Stocked goods, services (never stocked), or kits sold as one item and exploded on delivery. */
public enum ItemType {
    GOODS,
    SERVICE,
    KIT
}
