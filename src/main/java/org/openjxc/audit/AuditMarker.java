package org.openjxc.audit;

/**
 * What a reviewer looks for first in the audit log, set when the entry is written: a record
 * removed, who may do what changed, or a price or cost changed.
 */
public enum AuditMarker {
    DELETION,
    PERMISSION_CHANGE,
    SENSITIVE_FIELD
}
