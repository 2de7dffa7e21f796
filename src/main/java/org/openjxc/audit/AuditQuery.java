package org.openjxc.audit;

import java.time.LocalDate;

/** Filters of the audit log; null means "any". Dates are inclusive. */
public record AuditQuery(String user, String entity, String key, String action, LocalDate from, LocalDate to) {}
