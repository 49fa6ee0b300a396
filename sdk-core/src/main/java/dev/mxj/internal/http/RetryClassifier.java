package dev.mxj.internal.http;

import dev.mxj.MatrixApiException;
import dev.mxj.MatrixNetworkException;
import dev.mxj.RetryConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one place that decides whether a failed attempt is retried, and after how long.
 * Network failures and 5xx are transient for requests that may be repeated; 429 is transient
 * for every request (the server did not act on it); everything else is permanent.
 */
public final class RetryClassifier {
    /** What kind of failure an attempt had. */
    public enum Kind { NETWORK, TRANSIENT, PERMANENT }

    private final RetryConfig config;

    public RetryClassifier(RetryConfig config) {
        this.config = config;
    }

    public static Kind kind(Throwable failure) {
        if (failure instanceof MatrixNetworkException) {
            return Kind.NETWORK;
        }
        if (failure instanceof MatrixApiException api) {
            int status = api.httpStatus();
            if (status == 429 || status >= 500) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.PERMANENT;
    }

    /**
     * The delay before retry number {@code retry} (1-based), or empty if the failure must be
     * reported now.
     */
    public Optional<Duration> retryDelay(Throwable failure, boolean idempotent, int retry) {
        if (retry > config.maxRetries()) {
            return Optional.empty();
        }
        Kind kind = kind(failure);
        if (kind == Kind.PERMANENT) {
            return Optional.empty();
        }
        boolean rateLimited = failure instanceof MatrixApiException api && api.httpStatus() == 429;
        if (!idempotent && !rateLimited) {
            return Optional.empty();
        }
        if (failure instanceof MatrixApiException api && api.retryAfter().isPresent()) {
            Duration asked = api.retryAfter().get();
            // Retrying sooner than asked would only be refused again: a longer wait goes to the caller.
            return asked.compareTo(config.maxBackoff()) > 0 ? Optional.empty() : Optional.of(asked);
        }
        return Optional.of(backoff(retry));
    }

    /** Exponential back-off with "equal jitter": half fixed, half random, capped. */
    Duration backoff(int retry) {
        long base = config.initialBackoff().toMillis();
        long cap = config.maxBackoff().toMillis();
        long exp = base << Math.min(retry - 1, 30);
        long capped = Math.max(0, Math.min(cap, exp < 0 ? cap : exp));
        long half = capped / 2;
        long jitter = half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1);
        return Duration.ofMillis(half + jitter);
    }
}
