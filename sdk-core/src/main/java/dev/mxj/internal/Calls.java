package dev.mxj.internal;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.SessionEndedException;
import dev.mxj.auth.Session;
import dev.mxj.auth.SessionState;
import dev.mxj.id.UserId;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Future plumbing shared by the facets: the logged-in user, "404 means empty", and chaining steps
 * so that cancelling the returned future cancels the HTTP call in flight.
 */
public final class Calls {
    private Calls() {
    }

    /** Runs {@code call} as the logged-in user, or fails at once with {@link SessionEndedException}. */
    public static <T> CompletableFuture<T> asUser(ClientContext context, Function<UserId, CompletableFuture<T>> call) {
        SessionState state = context.sessions().state();
        Optional<UserId> user = state.session().map(Session::userId);
        if (user.isEmpty()) {
            String why = state instanceof SessionState.Ended ended ? ended.reason() + ". Log in again."
                    : "Not logged in: log in, register, or restore a session first.";
            return CompletableFuture.failedFuture(new SessionEndedException(why));
        }
        return call.apply(user.get());
    }

    /** {@code source} mapped by {@code fn}; cancelling the result cancels {@code source}. */
    public static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
        CompletableFuture<R> derived = source.thenApply(fn);
        derived.whenComplete((value, error) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    /**
     * {@code first}, then the step {@code next} makes of its value. Cancelling the result cancels
     * whichever step is in flight.
     */
    public static <T, R> CompletableFuture<R> then(CompletableFuture<T> first, Function<T, CompletableFuture<R>> next) {
        CompletableFuture<R> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<?>> current = new AtomicReference<>(first);
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                current.get().cancel(true);
            }
        });
        first.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
            }
            CompletableFuture<R> second;
            try {
                second = next.apply(value);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            current.set(second);
            if (result.isCancelled()) {
                second.cancel(true);
            }
            second.whenComplete((v, e) -> {
                if (e != null) {
                    result.completeExceptionally(unwrap(e));
                } else {
                    result.complete(v);
                }
            });
        });
        return result;
    }

    /** {@code source} as an Optional: an HTTP 404 (or {@code M_NOT_FOUND}) completes it empty. */
    public static <T> CompletableFuture<Optional<T>> emptyIfNotFound(CompletableFuture<T> source) {
        CompletableFuture<Optional<T>> derived = source.handle((value, error) -> {
            if (error == null) {
                return Optional.ofNullable(value);
            }
            Throwable cause = unwrap(error);
            if (isNotFound(cause)) {
                return Optional.empty();
            }
            throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
        });
        derived.whenComplete((value, error) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    public static boolean isNotFound(Throwable error) {
        return error instanceof MatrixApiException api
                && (api.httpStatus() == 404 || api.errorCode().equals(ErrorCode.NOT_FOUND));
    }

    public static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** Returns {@code derived}, wired so that cancelling it cancels {@code source} (the HTTP call). */
    public static <T> CompletableFuture<T> cancelling(CompletableFuture<?> source, CompletableFuture<T> derived) {
        derived.whenComplete((value, error) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    /** Rethrows {@code t} from inside a dependent stage without wrapping it twice. */
    public static CompletionException rethrow(Throwable t) {
        return t instanceof CompletionException ce ? ce : new CompletionException(t);
    }
}
