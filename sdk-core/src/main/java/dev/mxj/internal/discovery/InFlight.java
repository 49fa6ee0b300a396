package dev.mxj.internal.discovery;

import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.Transport;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The HTTP calls one operation made, so that cancelling the operation's future cancels them, even
 * when the future is a later stage of a chain (which {@code CompletableFuture} does not do itself).
 */
final class InFlight {
    private final Transport transport;
    private final Queue<CompletableFuture<?>> calls = new ConcurrentLinkedQueue<>();
    private volatile boolean cancelled;

    InFlight(Transport transport) {
        this.transport = transport;
    }

    /** Sends {@code request}; cancelled at once if the operation already was. */
    <T> CompletableFuture<T> send(ApiRequest<T> request) {
        CompletableFuture<T> call = transport.send(request);
        calls.add(call);
        if (cancelled) {
            call.cancel(true);
        }
        return call;
    }

    /** Returns {@code result}, wired so that cancelling it cancels every call sent through this. */
    <T> CompletableFuture<T> cancelledWith(CompletableFuture<T> result) {
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                cancelled = true;
                calls.forEach(c -> c.cancel(true));
            }
        });
        return result;
    }
}
