package dev.mxj.internal.sync;

import dev.mxj.MatrixException;
import dev.mxj.SessionEndedException;
import dev.mxj.auth.Session;
import dev.mxj.internal.crypto.E2ee;
import dev.mxj.internal.http.Transport;
import dev.mxj.store.StateChanges;
import dev.mxj.store.StateStore;
import dev.mxj.sync.SyncSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One sync: make sure the filter is uploaded, read the token, request, parse, process, and save
 * the changes with their token in one {@link StateStore#apply}. Store work runs on the sync
 * worker; parsing runs where the response is read. {@link #cancel()} cancels the HTTP call under
 * way; a store transaction already started is finished, never cut short.
 */
final class SyncAttempt {
    private static final Logger LOG = LoggerFactory.getLogger(SyncAttempt.class);

    /** What an attempt needs from its loop. */
    record Deps(Transport transport, StateStore store, SyncResponseParser parser, Executor worker, E2ee e2ee) {
    }

    /** Called on the worker right after a successful apply, before {@link #result} completes. */
    interface Applied {
        void applied(StateChanges changes);
    }

    /** Completes when the attempt is over: saved, failed, or cancelled. */
    final CompletableFuture<StateChanges> result = new CompletableFuture<>();
    private final Deps deps;
    private volatile boolean cancelled;
    private volatile CompletableFuture<?> http;

    SyncAttempt(Deps deps) {
        this.deps = deps;
    }

    /**
     * Runs the attempt.
     *
     * @param session     the session to sync for
     * @param settings    timeout, presence and filter
     * @param fullState   whether to ask for the full state
     * @param loopRetries whether the loop (not the transport) retries failures
     * @param progress    told about rooms processed, for a first sync
     * @param applied     told about the saved changes
     */
    SyncAttempt start(Session session, SyncSettings settings, boolean fullState, boolean loopRetries,
                      SyncProcessor.Progress progress, Applied applied) {
        String filterKey = settings.filter().json().json();
        CompletableFuture<Optional<String>> storedFilter;
        try {
            storedFilter = CompletableFuture.supplyAsync(() -> deps.store.filterId(filterKey), deps.worker);
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(new IllegalStateException("The client is closed; build a new one to sync."));
            return this;
        }
        storedFilter
                .thenCompose(stored -> stored.isPresent() ? CompletableFuture.completedFuture(stored.get())
                        : uploadFilter(session, settings, filterKey))
                .thenComposeAsync(filterId -> {
                    checkNotCancelled();
                    Optional<String> since = deps.store.syncToken();
                    return track(deps.transport.send(SyncRequests.sync(deps.parser, filterId, since,
                            settings.timeout(), settings.setPresence(), fullState, loopRetries)))
                            .thenApply(response -> new Received(response, since.isEmpty()));
                }, deps.worker)
                .thenComposeAsync(received -> {
                    checkNotCancelled();
                    // A first sync brings every room at once: read what the store has in one go.
                    RoomReadView view = received.first ? RoomReadView.preloaded(deps.store)
                            : RoomReadView.of(deps.store);
                    SyncProcessor processor = new SyncProcessor(session.userId(), view);
                    StateChanges changes = processor.process(received.response,
                            received.first ? progress : SyncProcessor.Progress.NONE);
                    deps.store.apply(changes);
                    LOG.debug("Sync saved: {} rooms changed, {} to-device events", changes.rooms().size(),
                            changes.toDevice().size());
                    return handOver(changes, applied);
                }, deps.worker)
                .whenComplete((changes, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(changes);
                    }
                });
        return this;
    }

    /**
     * Hands the saved changes' crypto parts to the encryption module and waits for it, so that the
     * room keys of this sync are known when listeners (timelines) decrypt its events; then tells the
     * listeners, whatever the module answered. A module failure fails the attempt (the loop retries;
     * the to-device events stay in the store's inbox until the module took them).
     */
    private CompletableFuture<StateChanges> handOver(StateChanges changes, Applied applied) {
        CompletableFuture<Void> crypto;
        try {
            crypto = deps.e2ee.afterSync(changes);
        } catch (RuntimeException e) {
            crypto = CompletableFuture.failedFuture(e);
        }
        return crypto.handleAsync((v, error) -> {
            applied.applied(changes);
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.warn("The encryption module failed on a sync ({}); its to-device events are kept for the next one",
                        cause.toString());
                throw new CompletionException(new MatrixException(
                        "The encryption module could not take the sync's keys: " + cause.getMessage(), cause));
            }
            return changes;
        }, deps.worker);
    }

    /** Fails the attempt at once, e.g. when there is no session. */
    static SyncAttempt failed(Deps deps, Throwable error) {
        SyncAttempt attempt = new SyncAttempt(deps);
        attempt.result.completeExceptionally(error);
        return attempt;
    }

    static SessionEndedException noSession() {
        return new SessionEndedException("Not logged in: log in or restore a session before syncing.");
    }

    /** Cancels the HTTP call under way and any step not started yet. */
    void cancel() {
        cancelled = true;
        CompletableFuture<?> call = http;
        if (call != null) {
            call.cancel(true);
        }
    }

    private CompletableFuture<String> uploadFilter(Session session, SyncSettings settings, String filterKey) {
        checkNotCancelled();
        return track(deps.transport.send(SyncRequests.uploadFilter(session.userId(), settings.filter())))
                .thenApplyAsync(filterId -> {
                    deps.store.saveFilterId(filterKey, filterId);
                    LOG.debug("Uploaded the sync filter: {}", filterId);
                    return filterId;
                }, deps.worker);
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> call) {
        http = call;
        if (cancelled) {
            call.cancel(true);
        }
        return call;
    }

    private void checkNotCancelled() {
        if (cancelled) {
            throw new CancellationException("The sync was stopped");
        }
    }

    private record Received(SyncResponse response, boolean first) {
    }
}
