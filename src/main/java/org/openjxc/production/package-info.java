/**
 * Production and kits: bills of materials (multi-level, versioned by validity dates, with scrap
 * rates and by-products), production orders that reserve their components, material issues checked
 * against the BOM with a tolerance, finished-goods receipts costed from what was actually issued
 * plus labour and overhead, disassembly, and kits and recipes exploded into their components when
 * sold. It completes documents being posted through {@link org.openjxc.document.PostingPreparer};
 * the stock ledger moves the stock.
 */
package org.openjxc.production;
