package org.openjxc.replenishment;

import java.time.OffsetDateTime;

/** A forecasting run and its progress. */
public record ReplenishmentRunView(
        long id,
        String status,
        int series,
        int done,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String error) {}
