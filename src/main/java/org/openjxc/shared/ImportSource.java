package org.openjxc.shared;

import java.util.function.Consumer;

/** Rows of an uploaded file, read once and streamed, so a large file never sits in memory whole. */
@FunctionalInterface
public interface ImportSource {
    void forEach(Consumer<ImportRow> sink);
}
