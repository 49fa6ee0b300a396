package dev.mxj.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Listener registrations that deliver on the user's executor. A throwing listener is logged and
 * isolated: the others still run and the caller never sees the exception.
 */
public final class Listeners<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final CopyOnWriteArrayList<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private final Executor executor;

    public Listeners(Executor executor) {
        this.executor = executor;
    }

    /** Registers a listener; closing the returned subscription removes it. */
    public AutoCloseable add(Consumer<? super T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** True when no listener is registered: callers can skip making a value nobody takes. */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    public void emit(T value) {
        for (Consumer<? super T> listener : listeners) {
            try {
                executor.execute(() -> {
                    try {
                        listener.accept(value);
                    } catch (RuntimeException e) {
                        LOG.warn("A listener threw; it was isolated and the others still run", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.warn("The callback executor refused a listener call (is it shut down?)");
            }
        }
    }
}
