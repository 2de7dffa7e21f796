/**
 * The stock ledger: immutable stock moves, balances per position and totals per item and
 * warehouse kept in the posting transaction, availability, transfers in transit, the cost every
 * move consumed (moving average, or cost layers for FIFO and specific-batch items), landed value,
 * month-end snapshots, recalculation and verification.
 */
package org.openjxc.inventory;
