package dev.mxj.internal.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The calls one media operation made, so that cancelling the operation's future (a later stage of
 * a chain, which {@code CompletableFuture} does not propagate) cancels the transfer under way. A
 * step that completed anyway, racing the cancellation, has its result closed if it is closeable
 * (an open download).
 */
final class Operation {
    private static final Logger LOG = LoggerFactory.getLogger(Operation.class);

    private final Queue<CompletableFuture<?>> steps = new ConcurrentLinkedQueue<>();
    private volatile boolean cancelled;

    /** Tracks {@code step}; cancels it at once if the operation already was. */
    <S> CompletableFuture<S> step(CompletableFuture<S> step) {
        steps.add(step);
        if (cancelled) {
            cancel(step);
        }
        return step;
    }

    /** Returns {@code result}, wired so that cancelling it cancels every tracked step. */
    <T> CompletableFuture<T> result(CompletableFuture<T> result) {
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                cancelled = true;
                steps.forEach(Operation::cancel);
            }
        });
        return result;
    }

    private static void cancel(CompletableFuture<?> step) {
        if (!step.cancel(true)) {
            step.thenAccept(value -> {
                if (value instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        LOG.debug("Closing the result of a cancelled media call failed", e);
                    }
                }
            });
        }
    }
}
