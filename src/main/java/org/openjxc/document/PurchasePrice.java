package org.openjxc.document;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A price an item was bought at from a supplier, on a posted purchase order or receipt. */
public record PurchasePrice(
        String item, String supplier, LocalDate date, String document, BigDecimal price, String unit, BigDecimal qty) {}
