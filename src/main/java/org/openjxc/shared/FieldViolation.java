package org.openjxc.shared;

import java.util.List;

/**
 * One invalid field of a command. {@code field} is the JSON path as the client sent it
 * ({@code lines[0].qty}); {@code messageKey} is resolved against the message bundles.
 */
public record FieldViolation(String field, String messageKey, List<Object> args) {

    public static FieldViolation of(String field, String messageKey, Object... args) {
        return new FieldViolation(field, messageKey, List.of(args));
    }
}
