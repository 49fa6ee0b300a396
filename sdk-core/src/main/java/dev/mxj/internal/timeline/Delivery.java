package dev.mxj.internal.timeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One subscriber's updates, delivered in order and one at a time on the callback executor, even
 * when that executor has many threads. A throwing subscriber is logged and keeps its subscription.
 */
final class Delivery<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final Executor executor;
    private final Consumer<? super T> listener;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    Delivery(Executor executor, Consumer<? super T> listener) {
        this.executor = executor;
        this.listener = listener;
    }

    void offer(T value) {
        if (!closed) {
            queue.add(value);
            schedule();
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }

    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            scheduled.set(false);
            LOG.warn("The callback executor refused a timeline update (is it shut down?)");
        }
    }

    private void drain() {
        T value;
        while (!closed && (value = queue.poll()) != null) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                LOG.warn("A timeline subscriber threw; it was isolated and keeps its subscription", e);
            }
        }
        scheduled.set(false);
        if (!closed && !queue.isEmpty()) {
            schedule();
        }
    }
}
