package org.openjxc.inventory;

import java.util.List;

/** The answer of {@code verify}: consistent when no cached balance differs from the ledger. */
public record Verification(boolean consistent, long moves, long positions, List<StockDifference> differences) {}
