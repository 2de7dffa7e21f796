/**
 * The stock ledger: immutable stock moves, balances per position and totals per item and
 * warehouse kept in the posting transaction, availability, transfers in transit, moving-average
 * cost on every move, recalculation and verification.
 */
package org.openjxc.inventory;
