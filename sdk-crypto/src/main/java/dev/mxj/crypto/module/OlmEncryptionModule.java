package dev.mxj.crypto.module;

import dev.mxj.crypto.machine.DecryptionResult;
import dev.mxj.crypto.machine.EncryptionSettings;
import dev.mxj.crypto.machine.MachineConfig;
import dev.mxj.crypto.machine.OlmMachine;
import dev.mxj.crypto.machine.OutgoingRequest;
import dev.mxj.crypto.machine.RoomKeyImport;
import dev.mxj.crypto.machine.RoomKeyInfo;
import dev.mxj.crypto.machine.SyncResult;
import dev.mxj.crypto.machine.UtdReason;
import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.EncryptionModule;
import dev.mxj.spi.RoomDecryption;
import dev.mxj.spi.RoomEncryptionRequest;
import dev.mxj.spi.RoomKeys;
import dev.mxj.spi.SyncCryptoChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * sdk-crypto's {@link EncryptionModule}: an {@link OlmMachine} per attached session, whose requests
 * go through the client's transport. Network work (key uploads, queries, claims, to-device sends,
 * {@code /keys/changes} after a sync gap, automatic key requests) runs one step at a time on a
 * chain of futures, so two requests of the machine never race; decryption and to-device processing
 * run at once on the caller's thread.
 *
 * <p>An app whose state lives on disk keeps its keys there too, in the same file, under a
 * passphrase it keeps safe (an OS keychain, the user's password):
 * <pre>{@code
 * SqliteStore store = SqliteStore.open(Path.of("mxj/alice.db"));
 * MatrixClient client = MatrixClient.builder()
 *     .homeserverUrl(url)
 *     .stateStore(store)
 *     .encryption(OlmEncryptionModule.builder(LibolmBackend.create())
 *         .store(store.cryptoStore())          // the keys, in the same file
 *         .passphrase(secretFromTheKeyring)    // derives the key that encrypts them
 *         .build())
 *     .build();
 * }</pre>
 * Without {@code store(...)} the keys live in memory and every start is a new device; a client on a
 * {@code MemoryStateStore} gets such a module without asking ({@link OlmEncryptionModuleProvider}).
 */
public final class OlmEncryptionModule implements EncryptionModule {
    private static final Logger LOG = LoggerFactory.getLogger(OlmEncryptionModule.class);
    /** How many rounds of requests one drain sends at most (answers may cause new requests). */
    private static final int MAX_ROUNDS = 8;

    private final OlmBackend olm;
    private final CryptoStoreFactory stores;
    private final boolean closesStores;
    private final char[] passphrase;
    private final MachineConfig config;
    private final Object lock = new Object();
    private Attached attached;

    private record Attached(EncryptionContext context, CryptoStore store, OlmMachine machine, Chain chain,
                            AtomicBoolean drainQueued) {
    }

    private OlmEncryptionModule(Builder b) {
        this.olm = b.olm;
        this.stores = b.stores;
        this.closesStores = b.closesStores;
        this.passphrase = b.passphrase.clone();
        this.config = b.config;
    }

    /** A builder for a module on {@code olm} (e.g. {@code LibolmBackend.create()}). */
    public static Builder builder(OlmBackend olm) {
        return new Builder(olm);
    }

    /** The machine of the attached session, for trust decisions and device lists. */
    public java.util.Optional<OlmMachine> machine() {
        synchronized (lock) {
            return java.util.Optional.ofNullable(attached).map(Attached::machine);
        }
    }

    private Attached current() {
        synchronized (lock) {
            if (attached == null) {
                throw new IllegalStateException("The encryption module is not attached to a session");
            }
            return attached;
        }
    }

    @Override
    public CompletableFuture<Void> attach(EncryptionContext context) {
        try {
            synchronized (lock) {
                if (attached != null) {
                    detachLocked();
                }
                CryptoStore store = stores.open(context.userId(), context.deviceId());
                OlmMachine machine;
                try {
                    machine = OlmMachine.open(olm, store, context.userId(), context.deviceId(), passphrase, config);
                } catch (RuntimeException e) {
                    if (closesStores) {
                        store.close();
                    }
                    throw e;
                }
                attached = new Attached(context, store, machine, new Chain(), new AtomicBoolean());
            }
            drainInBackground(current());
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> receiveSync(SyncCryptoChanges changes) {
        try {
            Attached a = current();
            a.machine().updateTrackedUsers(changes.encryptedRoomMembers());
            SyncResult result = a.machine().receiveSyncChanges(changes.nextBatch(), changes.toDevice(),
                    changes.deviceListsChanged(), changes.deviceListsLeft(), changes.oneTimeKeysCounts(),
                    changes.unusedFallbackKeyTypes());
            announce(a.context(), result);
            drainInBackground(a);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Exports the attached session's room keys of {@code rooms} (e.g. every room of
     * {@code client.rooms()}) into a key export file encrypted under {@code passphrase}: see
     * {@link OlmMachine#exportRoomKeys(char[], java.util.Collection, int)}. Blocks for the key
     * derivation (about a second): call it off the UI thread.
     *
     * @throws IllegalStateException if no session is attached
     */
    public String exportRoomKeys(char[] passphrase, java.util.Collection<RoomId> rooms) {
        return current().machine().exportRoomKeys(passphrase, rooms);
    }

    /**
     * Imports a key export file into the attached session (see
     * {@link OlmMachine#importRoomKeys(String, char[])}) and announces the imported keys to the
     * client, which retries the events they decrypt. Blocks for the key derivation.
     *
     * @throws dev.mxj.crypto.keyexport.KeyExportException if the file does not open
     * @throws IllegalStateException                       if no session is attached
     */
    public RoomKeyImport importRoomKeys(String export, char[] passphrase) {
        Attached a = current();
        RoomKeyImport result = a.machine().importRoomKeys(export, passphrase);
        announce(a.context(), result.keys());
        drainSoon(a); // key requests answered by the import are cancelled
        return result;
    }

    private static void announce(EncryptionContext context, SyncResult result) {
        List<RoomKeyInfo> all = new ArrayList<>(result.roomKeysReceived());
        all.addAll(result.roomKeysWithheld());
        announce(context, all);
    }

    private static void announce(EncryptionContext context, List<RoomKeyInfo> all) {
        Map<RoomId, Set<String>> byRoom = new LinkedHashMap<>();
        for (RoomKeyInfo k : all) {
            byRoom.computeIfAbsent(k.roomId(), r -> new LinkedHashSet<>()).add(k.sessionId());
        }
        byRoom.forEach((room, sessions) -> context.roomKeysReceived(new RoomKeys(room, sessions)));
    }

    @Override
    public CompletableFuture<RawJson> encrypt(RoomEncryptionRequest request) {
        Attached a;
        try {
            a = current();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        OlmMachine machine = a.machine();
        Set<UserId> recipients = request.recipients();
        EncryptionSettings settings = EncryptionSettings.of(request.settings());
        return a.chain().then(() -> {
            machine.updateTrackedUsers(recipients);
            return drain(a);
        }).thenCompose(ignored -> a.chain().then(() -> machine.missingSessions(recipients)
                .map(claim -> Requests.send(machine, a.context().transport(), claim))
                .orElse(CompletableFuture.completedFuture(null))))
                .thenCompose(ignored -> a.chain().then(() -> Requests.sendAll(machine, a.context().transport(),
                        machine.shareRoomKey(request.roomId(), recipients, settings))))
                .thenApply(ignored -> machine.encryptRoomEvent(request.roomId(), request.eventType(),
                        request.content()));
    }

    @Override
    public CompletableFuture<RoomDecryption> decrypt(RoomId roomId, RoomEvent event) {
        try {
            Attached a = current();
            DecryptionResult result = a.machine().decryptRoomEvent(roomId, event.raw());
            if (result instanceof DecryptionResult.UnableToDecrypt utd && utd.reason() == UtdReason.MISSING_SESSION) {
                drainSoon(a); // the machine may have queued a key request to our other devices
            }
            return CompletableFuture.completedFuture(Results.toSpi(roomId, result));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void detach() {
        synchronized (lock) {
            detachLocked();
        }
    }

    private void detachLocked() {
        if (attached == null) {
            return;
        }
        attached.chain().stop();
        attached.machine().close();
        if (closesStores) {
            attached.store().close();
        }
        attached = null;
    }

    /** Drains once more after the chain's current work; calls in the meantime share that drain. */
    private void drainSoon(Attached a) {
        if (a.drainQueued().compareAndSet(false, true)) {
            a.chain().then(() -> {
                a.drainQueued().set(false);
                return drain(a);
            }).exceptionally(e -> {
                LOG.info("Sending crypto requests failed; they are tried again after the next sync: {}", e.toString());
                return null;
            });
        }
    }

    private void drainInBackground(Attached a) {
        a.chain().then(() -> drain(a)).exceptionally(e -> {
            LOG.info("Sending crypto requests failed; they are tried again after the next sync: {}", e.toString());
            return null;
        });
    }

    /** Sends the machine's outgoing requests, round after round, until none are left. */
    private static CompletableFuture<Void> drain(Attached a) {
        return round(a, 0);
    }

    private static CompletableFuture<Void> round(Attached a, int n) {
        if (n >= MAX_ROUNDS || a.chain().stopped()) {
            return CompletableFuture.completedFuture(null);
        }
        List<OutgoingRequest> requests = a.machine().outgoingRequests();
        if (requests.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return Requests.sendAll(a.machine(), a.context().transport(), requests).thenCompose(v -> round(a, n + 1));
    }

    /** Runs network steps one after another; a failed step does not block the next. */
    private static final class Chain {
        private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
        private volatile boolean stopped;

        synchronized <T> CompletableFuture<T> then(Supplier<CompletableFuture<T>> step) {
            CompletableFuture<T> next = tail.handle((v, e) -> null).thenCompose(v -> {
                if (stopped) {
                    return CompletableFuture.failedFuture(new IllegalStateException("The encryption module detached"));
                }
                return step.get();
            });
            tail = next;
            return next;
        }

        void stop() {
            stopped = true;
        }

        boolean stopped() {
            return stopped;
        }
    }

    /** Builds an {@link OlmEncryptionModule}. */
    public static final class Builder {
        private final OlmBackend olm;
        private CryptoStoreFactory stores = (user, device) -> new MemoryCryptoStore();
        private boolean closesStores = true;
        private boolean persistent;
        private char[] passphrase = new char[0];
        private MachineConfig config = MachineConfig.defaults();

        private Builder(OlmBackend olm) {
            this.olm = Objects.requireNonNull(olm, "olm");
        }

        /**
         * Where each device's crypto state lives, opened at each attach and closed at each detach.
         * Default: in memory (lost when the process ends). Needs a {@link #passphrase}.
         */
        public Builder store(CryptoStoreFactory factory) {
            this.stores = Objects.requireNonNull(factory, "factory");
            this.closesStores = true;
            this.persistent = true;
            return this;
        }

        /**
         * The app's crypto store, e.g. {@code sqliteStore.cryptoStore()}: used at every attach and never
         * closed by the module (the app closes it, or its {@code SqliteStore} does). It holds one
         * device's keys: the module refuses to attach a session of another user or device to it
         * ({@link IllegalStateException}); give each device its own store. Needs a
         * {@link #passphrase}.
         */
        public Builder store(CryptoStore store) {
            Objects.requireNonNull(store, "store");
            this.stores = (user, device) -> store;
            this.closesStores = false;
            this.persistent = !(store instanceof MemoryCryptoStore);
            return this;
        }

        /**
         * The secret the pickle key is derived from (copied; wipe yours after). The same secret must
         * open the store after every restart. Default: empty, which only an in-memory store accepts.
         */
        public Builder passphrase(char[] secret) {
            Arrays.fill(this.passphrase, '\0');
            this.passphrase = secret.clone();
            return this;
        }

        /** Policies and tunables. */
        public Builder config(MachineConfig machineConfig) {
            this.config = Objects.requireNonNull(machineConfig, "config");
            return this;
        }

        /**
         * The module.
         *
         * @throws IllegalStateException if a persistent store was given without a passphrase: its
         *                               keys would be encrypted with a key anyone can derive
         */
        public OlmEncryptionModule build() {
            if (persistent && passphrase.length == 0) {
                throw new IllegalStateException("A crypto store that outlives the process needs a passphrase: call"
                        + " passphrase(secret) with a secret the app keeps safe (an OS keychain, the user's password)"
                        + " and passes again after every restart");
            }
            return new OlmEncryptionModule(this);
        }
    }
}
