package org.openjxc.shared;

import java.util.List;

/**
 * The outcome of an import: all rows imported, or none and the problems of every refused row.
 * {@code problems} is capped at {@link #MAX_PROBLEMS}; {@code problemCount} counts them all.
 */
public record ImportResult(
        String resource, int rows, int imported, boolean dryRun, long problemCount, List<ImportProblem> problems) {

    public static final int MAX_PROBLEMS = 1000;

    public boolean ok() {
        return problemCount == 0;
    }
}
