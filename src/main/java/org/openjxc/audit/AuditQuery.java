package org.openjxc.audit;

import java.time.LocalDate;

/** Filters of the audit log; null means "any". Dates are inclusive. */
public record AuditQuery(
        String user, String entity, String key, String action, LocalDate from, LocalDate to, AuditMarker marker) {

    public AuditQuery(String user, String entity, String key, String action, LocalDate from, LocalDate to) {
        this(user, entity, key, action, from, to, null);
    }
}
