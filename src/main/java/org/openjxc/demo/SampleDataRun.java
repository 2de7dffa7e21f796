package org.openjxc.demo;

/**
 * A sample-data run and how far it got: {@code phase} is MASTER_DATA, DOCUMENTS, VERIFY, DONE or
 * FAILED; {@code documents} counts those written so far.
 */
public record SampleDataRun(
        String id,
        SampleScale scale,
        long seed,
        boolean bulk,
        String phase,
        long documents,
        Long moves,
        Boolean consistent,
        Long millis,
        String error) {}
