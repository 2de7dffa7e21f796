package org.openjxc.document;

/** How a landed cost is spread over the receipt's lines: by their amount, quantity or weight. */
public enum AllocationBasis {
    AMOUNT,
    QTY,
    WEIGHT
}
