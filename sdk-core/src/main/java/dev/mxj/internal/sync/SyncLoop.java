package dev.mxj.internal.sync;

import dev.mxj.RetryConfig;
import dev.mxj.auth.Session;
import dev.mxj.auth.SessionState;
import dev.mxj.event.EventRegistry;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.Listeners;
import dev.mxj.internal.Worker;
import dev.mxj.internal.crypto.E2ee;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import dev.mxj.store.StateStore;
import dev.mxj.sync.SyncProgress;
import dev.mxj.sync.SyncService;
import dev.mxj.sync.SyncSettings;
import dev.mxj.sync.SyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link SyncService}: runs {@link SyncAttempt}s one after another, reports the
 * {@link SyncState}, backs off after failures and resumes from the saved token. One per client.
 * Store and processing work runs on one "mxj-sync" worker thread, so applies never overlap.
 */
public final class SyncLoop implements SyncService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

    private final ClientContext context;
    private final Backoff backoff;
    private final Worker worker;
    private final SyncAttempt.Deps deps;
    private final Listeners<SyncState> stateListeners;
    private final Listeners<RoomChanges> roomListeners;
    private final Listeners<StateChanges> changeListeners;
    private final List<Consumer<StateChanges>> inOrderHooks = new CopyOnWriteArrayList<>();
    private final Listeners<SyncProgress> progressListeners;
    private final Object lock = new Object();
    private SyncState state = new SyncState.Idle();
    private SyncRun run;
    private boolean onceRunning;

    /** @param store where sync results are saved (and read back by the processor) */
    public SyncLoop(ClientContext context, StateStore store, RetryConfig retry, EventRegistry registry) {
        this(context, store, retry, registry, new E2ee(context, store, Optional.empty(), registry));
    }

    /**
     * @param store where sync results are saved (and read back by the processor)
     * @param e2ee  gets each saved sync's crypto parts before the next sync starts
     */
    public SyncLoop(ClientContext context, StateStore store, RetryConfig retry, EventRegistry registry, E2ee e2ee) {
        this.context = context;
        Objects.requireNonNull(store, "store");
        this.backoff = new Backoff(retry);
        this.worker = new Worker("mxj-sync", Duration.ofSeconds(30));
        this.deps = new SyncAttempt.Deps(context.transport(), store, new SyncResponseParser(registry), worker,
                Objects.requireNonNull(e2ee, "e2ee"));
        this.stateListeners = new Listeners<>(context.callbackExecutor());
        this.roomListeners = new Listeners<>(context.callbackExecutor());
        this.changeListeners = new Listeners<>(context.callbackExecutor());
        this.progressListeners = new Listeners<>(context.callbackExecutor());
    }

    @Override
    public void start() {
        start(SyncSettings.defaults());
    }

    @Override
    public void start(SyncSettings settings) {
        SyncRun started;
        synchronized (lock) {
            if (run != null) {
                return;
            }
            if (onceRunning) {
                throw new IllegalStateException("A syncOnce() is under way; start the loop when it is done.");
            }
            if (context.sessions().session().isEmpty()) {
                setState(new SyncState.Terminated("Not logged in: log in or restore a session, then start sync."));
                return;
            }
            started = new SyncRun(this, settings);
            run = started;
            setState(new SyncState.Running());
        }
        LOG.debug("Sync loop started");
        started.next();
    }

    @Override
    public CompletableFuture<Void> stop() {
        SyncRun stopping;
        synchronized (lock) {
            stopping = run;
            if (stopping == null) {
                if (state instanceof SyncState.Error) {
                    setState(new SyncState.Idle());
                }
                return CompletableFuture.completedFuture(null);
            }
            run = null;
            stopping.stop();
            setState(new SyncState.Idle());
        }
        LOG.debug("Sync loop stopped");
        return stopping.done;
    }

    @Override
    public SyncState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public AutoCloseable onStateChanged(Consumer<? super SyncState> listener) {
        return stateListeners.add(listener);
    }

    @Override
    public AutoCloseable onRoomUpdate(Consumer<? super RoomChanges> listener) {
        return roomListeners.add(listener);
    }

    @Override
    public AutoCloseable onChanges(Consumer<? super StateChanges> listener) {
        return changeListeners.add(listener);
    }

    @Override
    public AutoCloseable onProgress(Consumer<? super SyncProgress> listener) {
        return progressListeners.add(listener);
    }

    @Override
    public CompletableFuture<StateChanges> syncOnce(SyncSettings settings) {
        synchronized (lock) {
            if (run != null || onceRunning) {
                return CompletableFuture.failedFuture(new IllegalStateException(run != null
                        ? "The sync loop is running; listen to its changes instead of calling syncOnce()."
                        : "Another syncOnce() is under way."));
            }
            onceRunning = true;
        }
        SyncAttempt attempt = attempt(settings, settings.fullState(), false);
        // The caller's future completes after the flag is cleared, so a next syncOnce() can follow at once.
        CompletableFuture<StateChanges> caller = attempt.result.whenComplete((changes, error) -> {
            synchronized (lock) {
                onceRunning = false;
            }
        });
        caller.whenComplete((changes, error) -> {
            if (caller.isCancelled()) {
                attempt.cancel();
            }
        });
        return caller;
    }

    /**
     * The session changed. When it ended (logout, hard or soft logout) the running loop stops at
     * once, cancelling its long poll, and the state becomes {@link SyncState.Terminated}.
     */
    public void sessionChanged(SessionState session) {
        if (session instanceof SessionState.Active) {
            return;
        }
        synchronized (lock) {
            SyncRun ending = run;
            if (ending == null) {
                return;
            }
            run = null;
            ending.stop();
            String reason = session instanceof SessionState.Ended ended ? ended.reason()
                    : session instanceof SessionState.SoftLoggedOut soft ? soft.reason() : "Logged out";
            setState(new SyncState.Terminated(reason));
        }
        LOG.info("Sync stopped: the session ended");
    }

    /**
     * Stops the loop and closes the worker, for {@link dev.mxj.MatrixClient#close()}: a store write
     * under way (a sync being saved) is finished, never cut short, and waited for until
     * {@code deadline} ({@link System#nanoTime()}).
     */
    public void close(long deadline) {
        stop();
        if (!worker.close(deadline)) {
            LOG.warn("The sync worker was still saving when the client closed; not waiting longer. The store"
                    + " stays consistent: a sync is saved whole or not at all.");
        }
    }

    /** Starts one attempt for the current session. */
    SyncAttempt attempt(SyncSettings settings, boolean fullState, boolean loopRetries) {
        Optional<Session> session = context.sessions().session();
        if (session.isEmpty()) {
            return SyncAttempt.failed(deps, SyncAttempt.noSession());
        }
        return new SyncAttempt(deps).start(session.get(), settings, fullState, loopRetries, this::progress,
                this::applied);
    }

    Object lock() {
        return lock;
    }

    Backoff backoff() {
        return backoff;
    }

    ClientContext context() {
        return context;
    }

    /** Runs {@code task} on the worker. */
    void execute(Runnable task) {
        worker.execute(task);
    }

    /** Forgets {@code finished} if it is still the current run (it ended on its own). */
    void ended(SyncRun finished) {
        synchronized (lock) {
            if (run == finished) {
                run = null;
            }
        }
    }

    boolean isCurrent(SyncRun candidate) {
        synchronized (lock) {
            return run == candidate;
        }
    }

    /** Sets and announces the state; callers hold the lock so that announcements keep their order. */
    void setState(SyncState next) {
        synchronized (lock) {
            if (next.equals(state)) {
                return;
            }
            state = next;
            stateListeners.emit(next);
        }
    }

    /**
     * Internal: runs {@code hook} on the sync worker right after each saved sync, in the order of
     * the syncs, before the listeners are told. It must be quick; what it throws is logged.
     */
    public void onAppliedInOrder(Consumer<StateChanges> hook) {
        inOrderHooks.add(Objects.requireNonNull(hook, "hook"));
    }

    private void applied(StateChanges changes) {
        for (Consumer<StateChanges> hook : inOrderHooks) {
            try {
                hook.accept(changes);
            } catch (RuntimeException e) {
                LOG.warn("A hook on saved syncs failed; sync goes on", e);
            }
        }
        changeListeners.emit(changes);
        for (RoomChanges room : changes.rooms()) {
            roomListeners.emit(room);
        }
    }

    private void progress(int done, int total) {
        progressListeners.emit(new SyncProgress(done, total));
    }
}
