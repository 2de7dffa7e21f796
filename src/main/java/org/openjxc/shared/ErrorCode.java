package org.openjxc.shared;

/**
 * Stable error codes of the API contract. Integrations branch on these, so a code is never
 * renamed; the HTTP status is fixed per code.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    SEGREGATION_OF_DUTIES(403),
    PASSWORD_CHANGE_REQUIRED(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    INSUFFICIENT_STOCK(409),
    INVALID_STATE(409),
    OPEN_QUANTITY_EXCEEDED(409),
    SCAN_MISMATCH(409),
    CREDIT_LIMIT_EXCEEDED(409),
    VERSION_CONFLICT(409),
    DUPLICATE_CODE(409),
    REFERENCED(409),
    REQUEST_IN_PROGRESS(409),
    PERIOD_CLOSED(409),
    TOLERANCE_EXCEEDED(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    IDEMPOTENCY_KEY_REUSED(422),
    TOO_MANY_REQUESTS(429),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Message bundle key of the short title shown for this code. */
    public String titleKey() {
        return "error." + name() + ".title";
    }
}
