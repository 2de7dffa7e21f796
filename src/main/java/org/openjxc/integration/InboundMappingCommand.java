package org.openjxc.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * How messages of a partner system map onto a document: {@code kind} SHIPMENT_CONFIRMED (a sales
 * delivery of the sales order named by {@code reference}) or RETURN_RECEIVED (a customer return of the
 * delivery named by {@code reference}); {@code fields} gives, per target field, the dot path of the
 * value in the message — {@code reference}, {@code lines} (the array of lines) and, within a line,
 * {@code item} and {@code qty} are required; {@code date} and, within a line, {@code batch} optional.
 */
public record InboundMappingCommand(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,40}") String code,
        @NotNull InboundKind kind,
        @NotEmpty Map<String, String> fields) {}
