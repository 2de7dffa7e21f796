package org.openjxc.document;

import java.math.BigDecimal;

/** How much of a delivery line was confirmed by scanning, in base units, of how much it needs. */
public record ScanProgress(int line, String item, String bin, BigDecimal needed, BigDecimal scanned) {

    public boolean complete() {
        return scanned.compareTo(needed) >= 0;
    }
}
