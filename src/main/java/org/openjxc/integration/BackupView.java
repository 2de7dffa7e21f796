package org.openjxc.integration;

import java.time.OffsetDateTime;

/** A backup written: the file on the server, its size and when. */
public record BackupView(String file, long bytes, OffsetDateTime takenAt) {}
