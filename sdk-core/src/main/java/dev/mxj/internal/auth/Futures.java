package dev.mxj.internal.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Small future helpers for the auth endpoints. */
final class Futures {
    private Futures() {
    }

    /** Returns {@code derived}, wired so that cancelling it cancels {@code source} (the HTTP call). */
    static <T> CompletableFuture<T> cancelling(CompletableFuture<?> source, CompletableFuture<T> derived) {
        derived.whenComplete((value, error) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** Rethrows {@code t} from inside a dependent stage without wrapping it twice. */
    static CompletionException rethrow(Throwable t) {
        return t instanceof CompletionException ce ? ce : new CompletionException(t);
    }
}
