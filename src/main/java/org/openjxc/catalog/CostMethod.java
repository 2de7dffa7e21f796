package org.openjxc.catalog;

/** How an item's outbound moves are costed (DESIGN.md "Costing"). */
public enum CostMethod {
    MOVING_AVERAGE,
    FIFO,
    SPECIFIC
}
