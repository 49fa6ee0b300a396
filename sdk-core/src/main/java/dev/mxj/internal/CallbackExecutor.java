package dev.mxj.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The executor every callback of one client goes through (listeners, timeline updates, progress).
 * It counts the callbacks running, and once {@link #close closed} it dispatches no new callback
 * and skips those still queued, so that no app code runs after {@link dev.mxj.MatrixClient#close()}
 * returned. Works the same for mxj's own executor and one the app supplied (which mxj never shuts down).
 */
public final class CallbackExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackExecutor.class);
    /** How many callbacks the current thread is running (a callback may close the client). */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final Executor delegate;
    private final ExecutorService owned;
    private final Object lock = new Object();
    private boolean closed;
    private int running;

    private CallbackExecutor(Executor delegate, ExecutorService owned) {
        this.delegate = delegate;
        this.owned = owned;
    }

    /** Around the app's executor, which the app keeps and shuts down itself. */
    public static CallbackExecutor of(Executor appExecutor) {
        return new CallbackExecutor(appExecutor, null);
    }

    /** Around an executor mxj owns: {@link #close} shuts it down. */
    public static CallbackExecutor owning(ExecutorService executor) {
        return new CallbackExecutor(executor, executor);
    }

    @Override
    public void execute(Runnable callback) {
        synchronized (lock) {
            if (closed) {
                LOG.debug("A callback after the client closed was dropped");
                return;
            }
        }
        delegate.execute(() -> run(callback));
    }

    private void run(Runnable callback) {
        synchronized (lock) {
            if (closed) {
                return; // queued before close, not started: never runs
            }
            running++;
        }
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            callback.run();
        } finally {
            depth[0]--;
            synchronized (lock) {
                running--;
                lock.notifyAll();
            }
        }
    }

    /**
     * Stops dispatching, then waits up to {@code timeout} for the callbacks running on other threads
     * (a callback that closes the client is not waited for, nor are callbacks on the closing thread).
     *
     * @return true if none is still running
     */
    public boolean close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int own = DEPTH.get()[0];
        boolean done;
        synchronized (lock) {
            closed = true;
            while (running > own) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            done = running <= own;
        }
        if (owned != null) {
            owned.shutdown();
        }
        if (!done) {
            LOG.warn("Callbacks still running {} ms after the client closed; not waiting longer (listeners must be"
                    + " fast)", timeout.toMillis());
        }
        return done;
    }
}
