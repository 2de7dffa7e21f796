package org.openjxc.integration;

import java.util.Map;

/** A saved mapping. */
public record InboundMappingView(long id, String code, InboundKind kind, Map<String, String> fields, boolean active) {}
