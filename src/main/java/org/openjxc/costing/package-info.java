/**
 * Costing: cost layers of FIFO and specific-batch items. Inbound moves open layers, outbound
 * moves consume them oldest first (or the named batch's first) and remember which, so unposting
 * restores exactly what was taken; transfers carry layers to the receiving warehouse. The stock
 * ledger drives a {@link org.openjxc.costing.LayerBook} inside its posting transaction, under its
 * locks; moving-average items need no layers.
 */
package org.openjxc.costing;
