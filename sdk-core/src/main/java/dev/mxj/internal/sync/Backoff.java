package dev.mxj.internal.sync;

import dev.mxj.MatrixApiException;
import dev.mxj.RetryConfig;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The loop's wait before retrying after {@code failures} failures in a row: exponential from the
 * client's {@link RetryConfig#initialBackoff()} up to its {@link RetryConfig#maxBackoff()}, with
 * "equal jitter"; a server's {@code retry_after_ms} wins. Never zero, so a loop cannot spin.
 */
final class Backoff {
    private static final long FLOOR_MS = 500;

    private final long initialMs;
    private final long maxMs;

    Backoff(RetryConfig config) {
        long initial = config.initialBackoff().toMillis();
        this.initialMs = initial > 0 ? initial : FLOOR_MS;
        this.maxMs = Math.max(config.maxBackoff().toMillis(), initialMs);
    }

    Duration delay(int failures, Throwable cause) {
        if (cause instanceof MatrixApiException api && api.retryAfter().isPresent()) {
            return api.retryAfter().get();
        }
        long exp = initialMs << Math.min(Math.max(failures - 1, 0), 20);
        long capped = Math.min(maxMs, exp);
        long half = capped / 2;
        long jitter = half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1);
        return Duration.ofMillis(Math.max(1, half + jitter));
    }
}
