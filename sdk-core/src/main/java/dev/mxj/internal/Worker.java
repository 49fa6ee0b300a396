package dev.mxj.internal;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that runs a client's blocking store work in order (the sync worker, the send
 * queue's worker). It starts on demand and ends when idle. {@link #close} lets the task running and
 * those queued finish, and waits for them, so that once a client is closed none of its work still
 * reads or writes the store.
 */
public final class Worker implements Executor {
    private final ThreadPoolExecutor pool;
    private volatile Thread thread;

    /**
     * @param name the thread's name
     * @param idle how long the thread waits for work before it ends (a new one starts when needed)
     */
    public Worker(String name, Duration idle) {
        this.pool = new ThreadPoolExecutor(1, 1, idle.toMillis(), TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread t = new Thread(runnable, name);
                    t.setDaemon(true);
                    thread = t;
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues {@code task}.
     *
     * @throws RejectedExecutionException once the worker is closed
     */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** True once {@link #close} was called. */
    public boolean isClosed() {
        return pool.isShutdown();
    }

    /**
     * Takes no new task, and waits until the task running and those already queued have ended, or
     * until {@code deadline} ({@link System#nanoTime()}) passes. Called on the worker's own thread
     * (work that closes the client) it does not wait, since that would wait for itself.
     *
     * @return false if work was still running at the deadline (never on the worker's own thread)
     */
    public boolean close(long deadline) {
        pool.shutdown();
        if (Thread.currentThread() == thread) {
            return true;
        }
        try {
            return pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
