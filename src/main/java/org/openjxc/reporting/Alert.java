package org.openjxc.reporting;

import java.time.OffsetDateTime;

/**
 * Something on the dashboard that needs a person (API.md "Reports", {@code alerts}): what kind,
 * which item, warehouse or document, since when, and a sentence of detail.
 */
public record Alert(
        AlertKind kind,
        String item,
        String warehouse,
        Long document,
        String documentNumber,
        OffsetDateTime since,
        String detail) {}
