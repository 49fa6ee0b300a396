package dev.mxj.internal.crypto;

import dev.mxj.EncryptionState;
import dev.mxj.EncryptionUnavailableException;
import dev.mxj.MatrixException;
import dev.mxj.SessionEndedException;
import dev.mxj.StoreException;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.internal.Calls;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.Listeners;
import dev.mxj.internal.http.RetryClassifier;
import dev.mxj.spi.EncryptionModule;
import dev.mxj.spi.RoomKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Attaches the {@link EncryptionModule} to the current session and keeps the {@link EncryptionState}.
 * A failed attach is tried again at the next use when it was transient (a network failure, a 429 or
 * 5xx, a {@link StoreException}); any other failure is permanent for that session: it becomes an
 * {@link EncryptionUnavailableException} that every later use fails with at once, and the state
 * {@link EncryptionState.Unavailable}. Thread-safe.
 */
final class ModuleAttachment {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleAttachment.class);

    /** One attach of the module to one session; {@code ready} fails permanently with an EncryptionUnavailableException. */
    private static final class Attachment {
        final UserId userId;
        final DeviceId deviceId;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        volatile boolean permanent;

        Attachment(Session session) {
            this.userId = session.userId();
            this.deviceId = session.deviceId();
        }

        boolean serves(Session session) {
            return userId.equals(session.userId()) && deviceId.equals(session.deviceId());
        }

        /** Usable: attached, attaching, or failed for good (tried again only for another session). */
        boolean usable() {
            return !ready.isCompletedExceptionally() || permanent;
        }
    }

    private final EncryptionModule module;
    private final ClientContext context;
    private final Consumer<RoomKeys> roomKeys;
    private final Listeners<EncryptionState> listeners;
    private final Object lock = new Object();
    private Attachment attachment;
    private EncryptionState state = new EncryptionState.Detached();

    ModuleAttachment(EncryptionModule module, ClientContext context, Consumer<RoomKeys> roomKeys) {
        this.module = module;
        this.context = context;
        this.roomKeys = roomKeys;
        this.listeners = new Listeners<>(context.callbackExecutor());
    }

    /** The current state; never {@link EncryptionState.Disabled}. */
    EncryptionState state() {
        synchronized (lock) {
            return state;
        }
    }

    AutoCloseable onStateChanged(Consumer<? super EncryptionState> listener) {
        return listeners.add(listener);
    }

    /** The module, attached to the current session (attaching it if needed, or again after a transient failure). */
    CompletableFuture<EncryptionModule> ready() {
        Optional<Session> session = context.sessions().session();
        if (session.isEmpty()) {
            return CompletableFuture.failedFuture(new SessionEndedException(
                    "Not logged in: end-to-end encryption needs a session."));
        }
        Attachment current;
        synchronized (lock) { // the module is attached under the lock: a detach never overtakes it
            current = attachment;
            if (current == null || !current.serves(session.get()) || !current.usable()) {
                if (current != null && !current.serves(session.get())) {
                    detachQuietly();
                }
                Optional<MatrixException> last = state instanceof EncryptionState.Attaching a ? a.lastFailure()
                        : Optional.empty();
                current = new Attachment(session.get());
                attachment = current;
                setState(new EncryptionState.Attaching(last));
                attach(current);
            }
        }
        return current.ready.thenApply(v -> module);
    }

    /** The session ended or the client closed: detaches the module if it was attached. */
    void detach() {
        synchronized (lock) {
            if (attachment != null) {
                attachment = null;
                detachQuietly();
            }
            setState(new EncryptionState.Detached());
        }
    }

    private void attach(Attachment target) {
        ModuleContext moduleContext = new ModuleContext(target.userId, target.deviceId, context.transport(), keys -> {
            LOG.debug("Room keys arrived for {} ({} sessions)", keys.roomId(), keys.sessionIds().size());
            roomKeys.accept(keys);
        });
        CompletableFuture<Void> attached;
        try {
            attached = module.attach(moduleContext);
        } catch (RuntimeException e) {
            attached = CompletableFuture.failedFuture(e);
        }
        attached.whenComplete((v, error) -> {
            if (error == null) {
                LOG.debug("Encryption module attached for device {}", target.deviceId);
                settle(target, new EncryptionState.Ready());
                target.ready.complete(null);
                return;
            }
            Throwable cause = Calls.unwrap(error);
            Optional<MatrixException> transientFailure = transientFailure(cause);
            if (transientFailure.isPresent()) {
                LOG.warn("The encryption module could not start for {} ({}); it is tried again with the next sync",
                        target.deviceId, cause.toString());
                settle(target, new EncryptionState.Attaching(transientFailure));
                target.ready.completeExceptionally(cause);
                return;
            }
            EncryptionUnavailableException unavailable = unavailable(cause, target);
            LOG.error("End-to-end encryption is unavailable for {} {}: {}", target.userId, target.deviceId,
                    unavailable.getMessage());
            target.permanent = true;
            settle(target, new EncryptionState.Unavailable(unavailable));
            target.ready.completeExceptionally(unavailable);
        });
    }

    /** Sets the state an attach ended in, unless another attach or a detach came since. */
    private void settle(Attachment target, EncryptionState next) {
        synchronized (lock) {
            if (attachment == target) {
                setState(next);
            }
        }
    }

    private void setState(EncryptionState next) {
        // under lock
        if (!next.equals(state)) {
            state = next;
            listeners.emit(next);
        }
    }

    /** A failure worth trying again: the network, a rate limit or server error, a store that failed. */
    static Optional<MatrixException> transientFailure(Throwable cause) {
        if (cause instanceof EncryptionUnavailableException) {
            return Optional.empty();
        }
        if (RetryClassifier.kind(cause) != RetryClassifier.Kind.PERMANENT || cause instanceof StoreException) {
            return Optional.of((MatrixException) cause);
        }
        return Optional.empty();
    }

    /** The module's permanent failure, with what to do about it. */
    private static EncryptionUnavailableException unavailable(Throwable cause, Attachment target) {
        if (cause instanceof EncryptionUnavailableException given) {
            return given;
        }
        String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new EncryptionUnavailableException("End-to-end encryption is unavailable: the encryption module "
                + "could not start for " + target.userId + " device " + target.deviceId + " (" + why + "), and "
                + "this client will not try again for this session. If its crypto store was opened with another "
                + "passphrase than the one it was created with, build the module with that passphrase; if the "
                + "store holds another device's account, give this device a new crypto store (or log in as that "
                + "device). Then build a new client and retry the failed sends.", cause);
    }

    private void detachQuietly() {
        try {
            module.detach();
        } catch (RuntimeException e) {
            LOG.warn("The encryption module failed to detach", e);
        }
    }
}
