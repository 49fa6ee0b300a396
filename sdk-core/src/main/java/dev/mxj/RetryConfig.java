package dev.mxj;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries a request that failed for a transient reason: a rate limit (HTTP 429),
 * a server error (5xx) or a network failure. Only requests that are safe to repeat (GET, and PUT
 * with a transaction id) are retried after a 5xx or a network failure; a 429 means the server did
 * not act on the request, so any request is retried after it.
 *
 * @param maxRetries      retries after the first attempt; 0 turns retrying off
 * @param initialBackoff  the first back-off; it doubles each time, with random jitter
 * @param maxBackoff      the cap for one back-off; a server that asks for a longer wait
 *                        ({@code retry_after_ms}) gets no retry: the caller receives the
 *                        {@link MatrixApiException} with {@link MatrixApiException#retryAfter()}
 */
public record RetryConfig(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    public RetryConfig {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("Need 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** 4 retries, starting at 500 ms, at most 30 s apart. */
    public static RetryConfig defaults() {
        return new RetryConfig(4, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** No retries at all. */
    public static RetryConfig none() {
        return new RetryConfig(0, Duration.ZERO, Duration.ZERO);
    }
}
