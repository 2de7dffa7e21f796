package org.openjxc.shared;

/** Optimistic locking: a command that names a version other than the stored one is refused. */
public final class Versions {

    private Versions() {}

    /** Throws {@code VERSION_CONFLICT} when the client sent a version and it is stale. */
    public static void check(String entity, Object key, Integer expected, int actual) {
        if (expected != null && expected != actual) {
            throw new BusinessException(ErrorCode.VERSION_CONFLICT, "error.versionConflict", entity, key)
                    .withFact("expectedVersion", expected)
                    .withFact("currentVersion", actual);
        }
    }
}
