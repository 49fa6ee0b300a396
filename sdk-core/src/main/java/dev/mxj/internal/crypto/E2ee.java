package dev.mxj.internal.crypto;

import dev.mxj.EncryptionState;
import dev.mxj.EncryptionUnavailableException;
import dev.mxj.MatrixException;
import dev.mxj.auth.SessionState;
import dev.mxj.event.DecryptionResult;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.PlainText;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.Calls;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.Listeners;
import dev.mxj.json.RawJson;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomMember;
import dev.mxj.spi.EncryptionModule;
import dev.mxj.spi.RoomDecryption;
import dev.mxj.spi.RoomEncryptionRequest;
import dev.mxj.spi.RoomKeys;
import dev.mxj.spi.SyncCryptoChanges;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import dev.mxj.store.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The client's side of end-to-end encryption: attaches the {@link EncryptionModule} to the session,
 * hands it each saved sync's crypto parts (and drops the handled to-device events from the store's
 * inbox), encrypts events on their way out of the send queue, decrypts timeline events, and
 * announces arriving room keys. Without a module it keeps encrypted events as they are and refuses to
 * send into encrypted rooms. One per client; thread-safe.
 */
public final class E2ee {
    private static final Logger LOG = LoggerFactory.getLogger(E2ee.class);
    static final String NO_MODULE = "This client has no encryption module, so it cannot %s an encrypted room. "
            + "Add the dev.mxj:sdk-crypto artifact (found by ServiceLoader) or pass a module to "
            + "MatrixClient.builder().encryption(...).";

    /**
     * How long the client waits for the module (a sync's hand-over, an encryption) by default:
     * {@link dev.mxj.MatrixClient.Builder#encryptionTimeout}.
     */
    public static final Duration RECEIVE_TIMEOUT = Duration.ofMinutes(2);

    /** What the send queue puts on the wire. */
    public record Outgoing(String type, RawJson content) {
        @Override
        public String toString() {
            return "Outgoing[" + type + "]"; // the content may be plaintext
        }
    }

    private final Optional<EncryptionModule> module;
    private final ClientContext context;
    private final StateStore store;
    private final EventRegistry registry;
    private final EncryptedRooms rooms;
    private final Listeners<RoomKeys> keyListeners;
    private final Optional<ModuleAttachment> attachment;
    private final Duration receiveTimeout;
    /** The module's work on the syncs handed over so far, each started after the one before. */
    private CompletableFuture<Void> handedOver = CompletableFuture.completedFuture(null);
    private volatile boolean closed;
    /** User changes of syncs the module failed on, for the next hand-over (hand-overs run one at a time). */
    private volatile UserChanges unhanded = UserChanges.NONE;

    public E2ee(ClientContext context, StateStore store, Optional<EncryptionModule> module, EventRegistry registry) {
        this(context, store, module, registry, RECEIVE_TIMEOUT);
    }

    /** @param receiveTimeout how long the client waits for one answer of the module */
    public E2ee(ClientContext context, StateStore store, Optional<EncryptionModule> module, EventRegistry registry,
                Duration receiveTimeout) {
        this.receiveTimeout = Objects.requireNonNull(receiveTimeout, "receiveTimeout");
        this.context = context;
        this.store = store;
        this.module = module;
        this.registry = registry;
        this.rooms = new EncryptedRooms(context.transport(), store);
        this.keyListeners = new Listeners<>(context.callbackExecutor());
        this.attachment = module.map(m -> new ModuleAttachment(m, context, keyListeners::emit));
    }

    /** True if the client has an encryption module. */
    public boolean enabled() {
        return module.isPresent();
    }

    /** Where encryption stands: {@link EncryptionState.Disabled} without a module. */
    public EncryptionState state() {
        return attachment.map(ModuleAttachment::state).orElseGet(EncryptionState.Disabled::new);
    }

    /** State changes, on the callback executor; without a module there are none. */
    public AutoCloseable onStateChanged(Consumer<? super EncryptionState> listener) {
        return attachment.map(a -> a.onStateChanged(listener)).orElse(() -> { });
    }

    /**
     * After a sync was saved: hands the module the crypto parts (with the to-device inbox), then drops
     * the handed-over to-device events. The next sync waits for the returned future. When the module
     * cannot start for good ({@link EncryptionState.Unavailable}) nothing is handed over, the to-device
     * events stay in the inbox for a client whose module can, and the sync goes on.
     *
     * <p>The module gets the syncs one at a time, in order, each once the one before is done (or
     * failed). A sync waits for its turn and the module's answer for at most the client's
     * {@link dev.mxj.MatrixClient.Builder#encryptionTimeout encryption timeout}: then its future fails
     * and the loop goes on with the next sync, while the module's work goes on and later syncs queue
     * behind it. A module that hangs therefore never stops sync; its to-device events wait in the
     * inbox until it answers.
     */
    public CompletableFuture<Void> afterSync(StateChanges changes) {
        rooms.synced(changes);
        if (module.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> work;
        synchronized (this) {
            work = handedOver.handle((v, error) -> null).thenCompose(v -> handOver(changes));
            handedOver = work;
        }
        return waitedFor(work);
    }

    private CompletableFuture<Void> handOver(StateChanges changes) {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        UserChanges users = unhanded.then(new UserChanges(changes.deviceListsChanged(), changes.deviceListsLeft(),
                encryptedRoomMembers(changes)));
        return ready().exceptionallyCompose(error -> Calls.unwrap(error) instanceof EncryptionUnavailableException
                ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(error)).thenCompose(m -> {
            if (m == null) {
                return CompletableFuture.completedFuture(null); // unavailable: the inbox waits
            }
            List<ToDeviceEvent> inbox = store.toDeviceInbox();
            SyncCryptoChanges crypto = new SyncCryptoChanges(changes.nextBatch(), inbox, users.changed(),
                    users.left(), changes.oneTimeKeysCounts(), changes.unusedFallbackKeyTypes(), users.members());
            if (crypto.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return m.receiveSync(crypto).thenRun(() -> {
                if (!inbox.isEmpty()) {
                    store.removeToDevice(inbox.size());
                }
            });
        }).whenComplete((v, error) -> {
            // A sync whose hand-over failed (attach or module) is not synced again: its user changes
            // go with the next one.
            unhanded = error == null ? UserChanges.NONE : users;
        });
    }

    /** {@code work} as the sync sees it: failed with a {@link MatrixException} once the timeout passed. */
    private CompletableFuture<Void> waitedFor(CompletableFuture<Void> work) {
        return bounded(work, "taken the keys of this sync", "Sync goes on; the module's work goes on in the"
                + " background, and the to-device events wait in the store until it has taken them. If this"
                + " repeats, check the module's crypto store and its logs.");
    }

    /**
     * {@code work} (the module's future), waited for at most the timeout: after it, the returned
     * future fails with a {@link MatrixException} that says what the module has not done, while
     * {@code work} itself goes on.
     */
    private <T> CompletableFuture<T> bounded(CompletableFuture<T> work, String notDone, String whatNow) {
        return work.copy().orTimeout(receiveTimeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(error -> {
            if (!(Calls.unwrap(error) instanceof TimeoutException)) {
                return CompletableFuture.failedFuture(error);
            }
            String waited = receiveTimeout.toMillis() % 1000 == 0 ? receiveTimeout.toSeconds() + " s"
                    : receiveTimeout.toMillis() + " ms";
            LOG.warn("The encryption module has not {} after {}; not waiting longer", notDone, waited);
            return CompletableFuture.failedFuture(new MatrixException("The encryption module has not " + notDone
                    + " after " + waited + ". " + whatNow));
        });
    }

    /**
     * Fails fast for an event queued into a room the store knows as encrypted when there is no module.
     *
     * @throws EncryptionUnavailableException if so
     */
    public void checkCanSend(RoomId room) {
        if (module.isEmpty() && rooms.known(room).isPresent()) {
            throw new EncryptionUnavailableException(String.format(NO_MODULE, "send into") + " Room: " + room);
        }
    }

    /**
     * What to send for a queued event: the event itself in a room that is not encrypted, else its
     * {@code m.room.encrypted} form. Fails with {@link EncryptionUnavailableException} for an encrypted
     * room without a module: never plaintext.
     */
    public CompletableFuture<Outgoing> prepare(RoomId room, String transactionId, String type, RawJson content) {
        if (type.equals(RoomEncryptedContent.TYPE)) {
            return CompletableFuture.completedFuture(new Outgoing(type, content)); // already encrypted by the app
        }
        return Calls.then(rooms.settings(room), settings -> {
            if (settings.isEmpty()) {
                return CompletableFuture.completedFuture(new Outgoing(type, content));
            }
            if (module.isEmpty()) {
                return CompletableFuture.failedFuture(new EncryptionUnavailableException(
                        String.format(NO_MODULE, "send into") + " Room: " + room));
            }
            return Calls.then(ready(), m -> Calls.then(rooms.recipients(room), recipients -> bounded(m.encrypt(
                    new RoomEncryptionRequest(room, settings.get(), recipients, type, content, transactionId)),
                    "encrypted this event", "It was not sent; send it again (the module may be stuck: check"
                            + " its crypto store and its logs).")))
                    .thenApply(encrypted -> new Outgoing(RoomEncryptedContent.TYPE, withRelation(encrypted, content)));
        });
    }

    /** True if the room is encrypted as far as the store and our own sends know (no network). */
    public boolean isEncrypted(RoomId room) {
        return rooms.known(room).isPresent();
    }

    /** Decrypts an {@code m.room.encrypted} timeline event; anything else is {@link PlainText}. Never fails. */
    public CompletableFuture<DecryptionResult> decrypt(RoomId room, SyncEvent event) {
        if (!(event instanceof RoomEvent encrypted) || !isEncrypted(encrypted)) {
            return CompletableFuture.completedFuture(new PlainText());
        }
        if (module.isEmpty()) {
            return CompletableFuture.completedFuture(new UnableToDecrypt(UnableToDecrypt.Reason.NO_ENCRYPTION_MODULE,
                    String.format(NO_MODULE, "read")));
        }
        CompletableFuture<RoomDecryption> answer;
        try {
            // Not bounded: the timeline shows a placeholder meanwhile and replaces it whenever the answer comes.
            answer = ready().thenCompose(m -> m.decrypt(room, encrypted));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((decryption, error) -> {
            if (error != null) {
                Throwable cause = Calls.unwrap(error);
                LOG.debug("Decrypting {} in {} failed: {}", encrypted.eventId(), room, cause.toString());
                return new UnableToDecrypt(UnableToDecrypt.Reason.OTHER, "The encryption module failed: "
                        + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()));
            }
            if (decryption instanceof RoomDecryption.Failure failure) {
                return failure.error();
            }
            return DecryptedEvents.of(room, encrypted, (RoomDecryption.Success) decryption, registry);
        });
    }

    /** The Megolm session ID of an encrypted event, to match it with announced room keys. */
    public static Optional<String> sessionId(SyncEvent event) {
        return event instanceof RoomEvent e ? e.raw().object("content").flatMap(c -> c.string("session_id"))
                : Optional.empty();
    }

    /** Room keys announced by the module, on the callback executor; see {@link Listeners}. */
    public AutoCloseable onRoomKeys(Consumer<? super RoomKeys> listener) {
        return keyListeners.add(listener);
    }

    /** A state event of ours was accepted: an {@code m.room.encryption} makes the room encrypted at once. */
    public void stateSent(RoomId room, String type, String stateKey, RawJson content) {
        if (type.equals(RoomEncryptionContent.TYPE) && stateKey.isEmpty()) {
            rooms.encrypted(room, content);
        }
    }

    /**
     * Attaches the module to the current session now (it uploads its keys), rather than at the first
     * sync, send or decryption. Failures are logged; the next use tries again.
     */
    public void start() {
        if (module.isPresent() && context.sessions().session().isPresent()) {
            ready();
        }
    }

    /** The session changed: a new session attaches the module, one that ended detaches it. */
    public void sessionChanged(SessionState state) {
        if (state instanceof SessionState.Active) {
            start();
        } else {
            detach();
        }
    }

    /**
     * The client is closing: syncs still queued for the module are not handed over (their to-device
     * events stay in the inbox for the next run), so that nothing attaches the module again.
     */
    public void close() {
        closed = true;
        detach();
    }

    /** True for an {@code m.room.encrypted} timeline event that still has its ciphertext (not redacted). */
    public static boolean isEncrypted(RoomEvent event) {
        // A redacted encrypted event has lost its content: nothing is left to decrypt.
        return event.type().equals(RoomEncryptedContent.TYPE) && event.stateKey().isEmpty()
                && event.raw().object("content").filter(c -> c.has("algorithm")).isPresent();
    }

    /**
     * The module, attached to the current session (attaching it if needed, or again after a transient
     * failure); fails with {@link EncryptionUnavailableException} when it cannot start for good.
     */
    private CompletableFuture<EncryptionModule> ready() {
        return attachment.orElseThrow().ready();
    }

    private void detach() {
        attachment.ifPresent(ModuleAttachment::detach);
    }

    /** Users who joined or were invited to an encrypted room in this sync. */
    private static Set<UserId> encryptedRoomMembers(StateChanges changes) {
        Set<UserId> users = new HashSet<>();
        for (RoomChanges room : changes.rooms()) {
            if (room.info().isEncrypted()) {
                for (RoomMember member : room.members()) {
                    if (member.membership() == Membership.JOIN || member.membership() == Membership.INVITE) {
                        users.add(member.userId());
                    }
                }
            }
        }
        return users;
    }

    /** The encrypted content, with the plaintext's {@code m.relates_to} in the clear if the module left it out. */
    static RawJson withRelation(RawJson encrypted, RawJson plaintext) {
        if (!encrypted.isObject()) {
            throw new IllegalStateException("The encryption module answered something that is not a JSON object");
        }
        Optional<RawJson> relation = plaintext.object(DecryptedEvents.RELATES_TO);
        if (relation.isEmpty() || encrypted.has(DecryptedEvents.RELATES_TO)) {
            return encrypted;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) encrypted.tree()).forEach((k, v) -> out.put(String.valueOf(k), v));
        out.put(DecryptedEvents.RELATES_TO, relation.get().tree());
        return RawJson.ofTree(out);
    }
}
