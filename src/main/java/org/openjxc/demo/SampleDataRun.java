package org.openjxc.demo;

/**
 * A sample-data run and how far it got: {@code phase} is MASTER_DATA, DOCUMENTS, VERIFY, DONE or
 * FAILED; {@code documents} counts those written so far, of {@code expected}.
 */
public record SampleDataRun(
        String id,
        SampleScale scale,
        long seed,
        boolean bulk,
        String phase,
        long documents,
        long expected,
        Long moves,
        Boolean consistent,
        Long millis,
        String error) {

    /** How far the documents are, in per cent (the plan was counted before they were written). */
    public int percent() {
        if ("DONE".equals(phase)) {
            return 100;
        }
        return expected == 0 ? 0 : (int) Math.min(99, documents * 100 / expected);
    }
}
