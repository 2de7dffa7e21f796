/**
 * Replenishment: demand history per item and warehouse, forecasts chosen by back-testing with
 * their error shown, dynamic safety stock over a lead time learnt from receipts, and suggestions —
 * purchases (reorder point, MOQ, pack, open orders and in-transit), transfers from warehouses with
 * excess first, and batches that will expire before they sell — turned into draft documents.
 */
package org.openjxc.replenishment;
