package dev.mxj.sync;

import dev.mxj.MatrixException;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the sync loop stands. Observe it with {@link SyncService#onStateChanged}.
 *
 * <pre>
 * Idle --start()--> Running --(2 network failures in a row)--> Offline --(a sync succeeds)--> Running
 *                      |  \--(2 other failures in a row)--> Error(retryIn present) --(success)--> Running
 *                      |   \--(a permanent error, e.g. HTTP 403)--> Error(retryIn empty): the loop stopped
 *                      \--(access token revoked: hard logout)--> Terminated
 * any --stop()--> Idle
 * </pre>
 *
 * A single failed request is retried quietly after a short back-off; the second failure in a row
 * is reported. The loop keeps retrying (with a growing back-off) while {@link Offline} or in a
 * retrying {@link Error}, and resumes from the last saved token, so nothing is lost or repeated.
 */
public sealed interface SyncState {
    /** The loop is not running: never started, or stopped. */
    record Idle() implements SyncState {
    }

    /** The loop is running and its last request succeeded (or none has failed yet). */
    record Running() implements SyncState {
    }

    /**
     * The homeserver cannot be reached (the connection failed, broke or timed out). The loop
     * retries after {@code retryIn} and goes back to {@link Running} when a sync succeeds.
     */
    record Offline(MatrixException cause, Duration retryIn) implements SyncState {
    }

    /**
     * Syncing failed for another reason: a server error, a rate limit, a response that is not
     * what the spec defines ({@link dev.mxj.InvalidResponseException}), or a store failure.
     * With {@code retryIn} present the loop retries then; empty means the error is permanent
     * (e.g. {@code M_FORBIDDEN}) and the loop stopped: fix the cause and call
     * {@link SyncService#start()} again.
     */
    record Error(MatrixException cause, Optional<Duration> retryIn) implements SyncState {
    }

    /**
     * The session ended (the server revoked the access token, or the client logged out): the loop
     * stopped for good. Log in again, then start the loop again.
     */
    record Terminated(String reason) implements SyncState {
    }
}
