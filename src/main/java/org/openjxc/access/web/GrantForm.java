package org.openjxc.access.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.openjxc.access.TemporaryGrantCommand;
import org.springframework.format.annotation.DateTimeFormat;

/** The form that gives a user a role for a while; the end is entered in the server's time zone. */
public class GrantForm {

    private String role;
    private String warehouse;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime until;

    private String reason;

    TemporaryGrantCommand toCommand() {
        return new TemporaryGrantCommand(
                role,
                warehouse == null || warehouse.isBlank() ? null : warehouse,
                until == null ? null : until.atZone(ZoneId.systemDefault()).toOffsetDateTime(),
                reason);
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getWarehouse() {
        return warehouse;
    }

    public void setWarehouse(String warehouse) {
        this.warehouse = warehouse;
    }

    public LocalDateTime getUntil() {
        return until;
    }

    public void setUntil(LocalDateTime until) {
        this.until = until;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
