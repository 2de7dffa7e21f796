package org.openjxc.demo;

import jakarta.validation.constraints.NotNull;

/**
 * What to generate: the scale, the seed (the same seed gives the same company) and whether to
 * bulk-load the ledger instead of posting every document (by default only at the large scale).
 */
public record SampleDataRequest(@NotNull SampleScale scale, Long seed, Boolean bulk) {}
