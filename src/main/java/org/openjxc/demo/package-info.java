/**
 * A realistic demo company, loaded on start with {@code openjxc.demo=true}: stores, warehouses
 * and bins, a few hundred items with barcodes and units, suppliers, customers and demo users.
 * It uses only the public services of the other features, like any other client.
 */
package org.openjxc.demo;
