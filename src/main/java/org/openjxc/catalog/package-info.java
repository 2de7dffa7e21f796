/** Items (商品), their units and barcodes, item categories and units of measure. */
package org.openjxc.catalog;
