package org.openjxc.reporting;

/** What a task asks of the user. */
public enum TaskKind {
    TO_APPROVE,
    TO_POST,
    TO_RELEASE,
    TO_RECEIVE,
    TO_COUNT,
    TO_APPROVE_COUNT
}
