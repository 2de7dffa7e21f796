package org.openjxc.access;

import java.time.OffsetDateTime;

/** A bearer token in clear text, shown once to its owner, and when it stops working. */
public record IssuedToken(String token, OffsetDateTime expiresAt) {}
