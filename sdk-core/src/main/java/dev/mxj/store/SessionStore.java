package dev.mxj.store;

import dev.mxj.auth.Session;

import java.util.Optional;

/**
 * Keeps the one session a client resumes from. Implementations: {@link MemorySessionStore} and the
 * SQLite store in sdk-store; both pass the same contract tests.
 *
 * <p>Methods may block on local I/O; the client calls them off the caller's thread where it can.
 * A failure is a {@link dev.mxj.StoreException}; a failed save leaves the previous session intact.
 * Implementations must be thread-safe and must never log tokens.
 */
public interface SessionStore extends AutoCloseable {
    /** The saved session, if any. */
    Optional<Session> loadSession();

    /** Replaces the saved session atomically. */
    void saveSession(Session session);

    /** Forgets the saved session (after a logout). */
    void clearSession();

    /** Releases resources. The default does nothing. */
    @Override
    default void close() {
    }
}
