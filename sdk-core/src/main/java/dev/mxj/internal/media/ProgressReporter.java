package dev.mxj.internal.media;

import dev.mxj.media.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Delivers a transfer's progress to a {@link ProgressListener} on the callback executor. Updates
 * that arrive while a delivery is queued are coalesced into it (the listener sees the latest
 * count), so a fast transfer cannot flood a slow executor, and the same count is not told twice
 * in a row. A throwing listener is logged and isolated.
 */
final class ProgressReporter implements LongConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    private final ProgressListener listener;
    private final long total;
    private final Executor executor;
    private final AtomicLong latest = new AtomicLong();
    private final AtomicBoolean queued = new AtomicBoolean();
    private long delivered = -1;

    ProgressReporter(ProgressListener listener, long total, Executor executor) {
        this.listener = listener;
        this.total = total;
        this.executor = executor;
    }

    @Override
    public void accept(long bytes) {
        latest.set(bytes);
        if (queued.compareAndSet(false, true)) {
            try {
                executor.execute(this::deliver);
            } catch (RejectedExecutionException e) {
                queued.set(false);
                LOG.warn("The callback executor refused a progress call (is it shut down?)");
            }
        }
    }

    private synchronized void deliver() {
        queued.set(false);
        long bytes = latest.get();
        if (bytes == delivered) {
            return;
        }
        delivered = bytes;
        try {
            listener.onProgress(bytes, total);
        } catch (RuntimeException e) {
            LOG.warn("A progress listener threw; it was isolated and the transfer goes on", e);
        }
    }
}
