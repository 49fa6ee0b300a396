package dev.mxj.internal.sync;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixException;
import dev.mxj.MatrixNetworkException;
import dev.mxj.SessionEndedException;
import dev.mxj.internal.http.RetryClassifier;
import dev.mxj.sync.SyncSettings;
import dev.mxj.sync.SyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of the loop, from {@code start()} to {@code stop()} or a final failure: attempt after
 * attempt, each from the token the previous one saved. A failure is retried after a back-off;
 * the {@value #REPORT_AFTER}nd failure in a row is reported as {@link SyncState.Offline} (network)
 * or {@link SyncState.Error}. A permanent error or an ended session ends the run.
 */
final class SyncRun {
    /** Failures in a row before the state reports them; a single blip is retried quietly. */
    static final int REPORT_AFTER = 2;
    private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);

    /** Completes when the run is over and no attempt of it is under way. */
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final SyncLoop loop;
    private final SyncSettings settings;
    // Guarded by loop.lock().
    private boolean stopped;
    private boolean first = true;
    private int failures;
    private SyncAttempt attempt;
    private ScheduledFuture<?> retry;

    SyncRun(SyncLoop loop, SyncSettings settings) {
        this.loop = loop;
        this.settings = settings;
    }

    void next() {
        SyncAttempt started;
        synchronized (loop.lock()) {
            retry = null;
            if (stopped) {
                done.complete(null);
                return;
            }
            started = loop.attempt(settings, first && settings.fullState(), true);
            attempt = started;
        }
        started.result.whenComplete((changes, error) -> finished(error));
    }

    /** Called by the loop, holding its lock. */
    void stop() {
        stopped = true;
        if (retry != null) {
            retry.cancel(false);
        }
        if (attempt != null) {
            attempt.cancel();
        } else {
            done.complete(null);
        }
    }

    private void finished(Throwable error) {
        synchronized (loop.lock()) {
            attempt = null;
            if (stopped) {
                done.complete(null);
                return;
            }
            if (error == null) {
                failures = 0;
                first = false;
                loop.setState(new SyncState.Running());
                continueWith(() -> loop.execute(this::next));
                return;
            }
            failed(unwrap(error));
        }
    }

    private void failed(Throwable cause) {
        if (sessionEnded(cause)) {
            LOG.info("Sync stopped: the session ended ({})", cause.getClass().getSimpleName());
            loop.setState(new SyncState.Terminated(cause.getMessage() != null ? cause.getMessage()
                    : "The session ended. Log in again."));
            end();
            return;
        }
        MatrixException matrix = cause instanceof MatrixException m ? m
                : new MatrixException("Sync failed unexpectedly: " + cause, cause);
        if (cause instanceof MatrixApiException api && RetryClassifier.kind(api) == RetryClassifier.Kind.PERMANENT) {
            LOG.warn("Sync stopped: HTTP {} {}", api.httpStatus(), api.errorCode());
            loop.setState(new SyncState.Error(matrix, Optional.empty()));
            end();
            return;
        }
        failures++;
        Duration delay = loop.backoff().delay(failures, cause);
        LOG.warn("Sync failed ({}); retry {} in {} ms", describe(cause), failures, delay.toMillis());
        if (failures >= REPORT_AFTER) {
            loop.setState(cause instanceof MatrixNetworkException ? new SyncState.Offline(matrix, delay)
                    : new SyncState.Error(matrix, Optional.of(delay)));
        }
        continueWith(() -> retry = loop.context().scheduler().schedule(this::next, delay.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    private void continueWith(Runnable schedule) {
        try {
            schedule.run();
        } catch (RejectedExecutionException closed) {
            LOG.debug("Sync stopped: the client is closed");
            end();
        }
    }

    private void end() {
        stopped = true;
        done.complete(null);
        loop.ended(this);
    }

    static boolean sessionEnded(Throwable cause) {
        if (cause instanceof SessionEndedException) {
            return true;
        }
        return cause instanceof MatrixApiException api && api.httpStatus() == 401
                && (api.errorCode().equals(ErrorCode.UNKNOWN_TOKEN) || api.errorCode().equals(ErrorCode.MISSING_TOKEN));
    }

    private static String describe(Throwable cause) {
        if (cause instanceof MatrixApiException api) {
            return "HTTP " + api.httpStatus() + " " + api.errorCode();
        }
        return cause.getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
