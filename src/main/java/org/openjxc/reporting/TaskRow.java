package org.openjxc.reporting;

import java.time.LocalDate;

/**
 * Something waiting for the user on the home page (我的待办): a document to approve, post, release
 * or receive, or a count to count or approve; {@code link} opens it.
 */
public record TaskRow(TaskKind kind, String link, String number, String type, String warehouse, LocalDate date) {}
