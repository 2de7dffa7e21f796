package org.openjxc.document;

import java.time.LocalDate;

/** Document list filters; null means any. {@code q} matches the number. */
public record DocumentQuery(
        DocumentType type,
        DocumentStatus status,
        String partner,
        String warehouse,
        LocalDate from,
        LocalDate to,
        String q) {}
