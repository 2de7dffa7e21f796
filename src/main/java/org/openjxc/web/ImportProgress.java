package org.openjxc.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How far a running import has got, so that the page can show rows read out of rows in the file
 * while the upload request is still working. The browser names the run with an id of its own
 * choosing; a run is visible only to the user who started it and forgotten a while after it ends.
 */
@Component
public class ImportProgress {

    /** What the import is doing: reading rows, then checking them together and writing. */
    public enum Phase {
        READING,
        CHECKING,
        DONE
    }

    /** A snapshot for the page; {@code total} is -1 when the file does not say how many rows it has. */
    public record Snapshot(Phase phase, int rows, int total, int percent) {}

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    /** A run being tracked; every method is cheap enough to call once per row. */
    public static final class Run {
        private final long userId;
        private final int total;
        private final AtomicInteger rows = new AtomicInteger();
        private volatile Phase phase = Phase.READING;
        private volatile Instant ended;

        private Run(long userId, int total) {
            this.userId = userId;
            this.total = total;
        }

        public void rowRead() {
            rows.incrementAndGet();
        }

        public void checking() {
            phase = Phase.CHECKING;
        }

        void done() {
            phase = Phase.DONE;
            ended = Instant.now();
        }

        Snapshot snapshot() {
            int read = rows.get();
            int percent;
            if (phase == Phase.DONE) {
                percent = 100;
            } else if (total > 0) {
                // Reading is most of the work; checking and writing take the last tenth.
                percent = phase == Phase.CHECKING ? 90 : Math.min(90, (int) (90L * read / total));
            } else {
                percent = phase == Phase.CHECKING ? 90 : 0;
            }
            return new Snapshot(phase, read, total, percent);
        }
    }

    /** Starts tracking {@code id} for {@code userId}; an id that is not well formed is not tracked. */
    public Optional<Run> start(String id, long userId, int total) {
        Instant cutoff = Instant.now().minus(KEEP);
        runs.values().removeIf(r -> r.ended != null && r.ended.isBefore(cutoff));
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Run run = new Run(userId, total);
        runs.put(id, run);
        return Optional.of(run);
    }

    public void finish(Run run) {
        run.done();
    }

    /** The run's state, or empty when no such run of this user is known. */
    public Optional<Snapshot> get(String id, long userId) {
        Run run = runs.get(id);
        if (run == null || run.userId != userId) {
            return Optional.empty();
        }
        return Optional.of(run.snapshot());
    }
}
