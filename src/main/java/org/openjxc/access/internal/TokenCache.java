package org.openjxc.access.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers, for a few seconds, which user and permissions a bearer token stands for, so that
 * an integration posting hundreds of documents a second does not read its user and roles twice
 * per call. Any change to users, roles or grants in this server forgets everything at once
 * (when the change is made and again when it commits), so a disabled user is refused at the next
 * call; a change made by another server process is seen within {@link #TTL}.
 */
@Component
class TokenCache {

    static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(AuthenticatedUser user, OffsetDateTime expiresAt, long generation, long loadedAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The generation to pass to {@link #put}: read it before loading, so a change during the load wins. */
    long generation() {
        return generation.get();
    }

    Optional<AuthenticatedUser> get(String tokenHash, OffsetDateTime now) {
        Entry e = entries.get(tokenHash);
        if (e == null
                || e.generation() != generation.get()
                || System.nanoTime() - e.loadedAtNanos() > TTL.toNanos()
                || !e.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(e.user());
    }

    void put(String tokenHash, AuthenticatedUser user, OffsetDateTime expiresAt, long loadedGeneration) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(tokenHash, new Entry(user, expiresAt, loadedGeneration, System.nanoTime()));
    }

    /** Forgets every token now and, inside a transaction, once more after it commits. */
    void accessChanged() {
        forgetAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetAll();
                }
            });
        }
    }

    private void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
