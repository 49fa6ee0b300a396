package dev.mxj.crypto.machine;

import dev.mxj.crypto.keyexport.ExportedRoomKey;
import dev.mxj.crypto.keyexport.KeyExportFormat;
import dev.mxj.crypto.olm.IdentityKeys;
import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.crypto.store.PickleKey;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.store.StateChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * mxj's end-to-end encryption state machine, sans I/O: it never does HTTP. Feed it each sync's
 * crypto data ({@link #receiveSyncChanges}), send what {@link #outgoingRequests()} lists, and give
 * every 2xx answer back ({@link #markRequestAsSent}). To send in an encrypted room:
 * {@link #updateTrackedUsers} with the members, send the queries, {@link #missingSessions} and
 * send that claim, {@link #shareRoomKey} and send those requests, then {@link #encryptRoomEvent}.
 * Received events go through {@link #decryptRoomEvent}.
 *
 * <p>Every step that changes state saves it in the {@link CryptoStore} in one atomic
 * {@link CryptoStore#save} before it returns. Keep a sync's to-device events until
 * {@link #receiveSyncChanges} returned (handing them over again is harmless: room keys are
 * idempotent and Olm messages seen before are recognised), and pass each sync's
 * {@code next_batch}: device list changes of syncs that never reached the machine are then caught up
 * with {@code /keys/changes}.
 *
 * <p>Thread safety: all methods are safe to call from any thread; they run one at a time.
 * Bad input (corrupt ciphertext, wrong signatures, unknown devices) gives values
 * ({@link DecryptionResult.UnableToDecrypt}, {@link ToDeviceResult.Failed}) and log lines without
 * key material, never exceptions. Store failures throw {@link dev.mxj.StoreException}.
 */
public final class OlmMachine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OlmMachine.class);

    private final Context ctx;
    private final AccountKeys account;
    private final DeviceTracker tracker;
    private final OlmSessions olm;
    private final InboundSessions inbound;
    private final ToDeviceQueue queue;
    private final OutboundSessions outbound;
    private final KeyGossip gossip;
    private final RoomDecryptor decryptor;
    private final SyncReceiver receiver;
    private final SyncPosition position;
    private final RoomKeyTransfer transfer;
    private Optional<OutgoingRequest.KeysUpload> uploadInFlight = Optional.empty();
    private boolean closed;

    private OlmMachine(Context ctx, AccountKeys account, CryptoChanges.Builder changes) {
        this.ctx = ctx;
        this.account = account;
        this.tracker = new DeviceTracker(ctx, account.identity());
        this.olm = new OlmSessions(ctx, account);
        this.inbound = new InboundSessions(ctx);
        this.queue = new ToDeviceQueue(ctx);
        this.outbound = new OutboundSessions(ctx, account, olm, inbound, queue);
        this.gossip = new KeyGossip(ctx, olm, inbound, queue);
        this.decryptor = new RoomDecryptor(ctx, inbound, olm, account.identity().curve25519());
        this.receiver = new SyncReceiver(ctx, olm, inbound, gossip, tracker);
        this.position = new SyncPosition(ctx, tracker);
        this.transfer = new RoomKeyTransfer(ctx, inbound, gossip, account.identity().curve25519());
        tracker.track(List.of(ctx.userId), changes);
        account.generateIfNeeded();
        account.save(changes);
    }

    /**
     * Opens the machine of device {@code deviceId} of {@code userId} on {@code store}: creates the
     * account and the pickle key the first time, and loads them afterwards.
     *
     * @param passphrase the app's secret the pickle key is derived from; the caller may wipe it after
     * @throws dev.mxj.crypto.CryptoException {@link PickleKey#WRONG_PASSPHRASE} for another passphrase
     * @throws IllegalStateException          if the store belongs to another user or device
     */
    public static OlmMachine open(OlmBackend olm, CryptoStore store, UserId userId, DeviceId deviceId,
                                  char[] passphrase, MachineConfig config) {
        Objects.requireNonNull(olm, "olm");
        Objects.requireNonNull(store, "store");
        CryptoChanges.Builder changes = CryptoChanges.builder();
        PickleKey key = store.pickleKeyParams().map(p -> PickleKey.open(passphrase, p)).orElseGet(() -> {
            PickleKey created = PickleKey.create(passphrase, config.pickleIterations());
            changes.pickleKeyParams(created.params());
            return created;
        });
        Context ctx = new Context(olm, store, key, userId, deviceId, config);
        Optional<StoredAccount> stored = store.account();
        if (stored.isPresent() && (!stored.get().userId().equals(userId) || !stored.get().deviceId().equals(deviceId))) {
            key.close();
            throw new IllegalStateException("This crypto store belongs to " + stored.get().userId() + " device "
                    + stored.get().deviceId() + ", not " + userId + " " + deviceId + "; open that device's store");
        }
        AccountKeys account = stored.isPresent() ? AccountKeys.load(ctx, stored.get())
                : AccountKeys.create(ctx, changes);
        OlmMachine machine = new OlmMachine(ctx, account, changes);
        store.save(changes.build());
        LOG.info("Olm machine open for {} {} (account {})", userId, deviceId, stored.isPresent() ? "loaded" : "new");
        return machine;
    }

    /** This machine's user. */
    public UserId userId() {
        return ctx.userId;
    }

    /** This machine's device. */
    public DeviceId deviceId() {
        return ctx.deviceId;
    }

    /** This device's identity keys. */
    public IdentityKeys identityKeys() {
        return account.identity();
    }

    /** This device's signed {@code device_keys}, as uploaded. */
    public synchronized RawJson deviceKeys() {
        open();
        return Json.raw(account.deviceKeys());
    }

    /** Takes the crypto parts of one sync and its token; see {@link #receiveSyncChanges(String, List, Set, Set, Map, Optional)}. */
    public SyncResult receiveSyncChanges(StateChanges changes) {
        return receiveSyncChanges(changes.nextBatch(), changes.toDevice(), changes.deviceListsChanged(),
                changes.deviceListsLeft(), changes.oneTimeKeysCounts(), changes.unusedFallbackKeyTypes());
    }

    /**
     * Takes the crypto parts of one sync without its token: as
     * {@link #receiveSyncChanges(String, List, Set, Set, Map, Optional)}, but device list changes
     * missed in a gap are not caught up.
     */
    public SyncResult receiveSyncChanges(List<ToDeviceEvent> toDevice, Set<UserId> changed, Set<UserId> left,
                                         Map<String, Long> oneTimeKeyCounts,
                                         Optional<List<String>> unusedFallbackKeyTypes) {
        return receive(Optional.empty(), toDevice, changed, left, oneTimeKeyCounts, unusedFallbackKeyTypes);
    }

    /**
     * Takes the crypto parts of one sync: to-device events (decrypted, room keys kept), device list
     * changes ({@code changed} users become dirty, {@code left} ones are no longer tracked), one-time
     * key counts and unused fallback key types.
     *
     * <p>{@code nextBatch}, the sync's token, is saved with the changes. When the first sync after
     * {@link #open} (or after a call that threw) has another token than the one saved last, syncs may
     * have been saved without reaching the machine (a crash in between, a restored backup): the
     * machine then asks {@code /keys/changes} between the two tokens ({@link OutgoingRequest.KeysChanges})
     * and queries the users it names.
     */
    public SyncResult receiveSyncChanges(String nextBatch, List<ToDeviceEvent> toDevice, Set<UserId> changed,
                                         Set<UserId> left, Map<String, Long> oneTimeKeyCounts,
                                         Optional<List<String>> unusedFallbackKeyTypes) {
        Objects.requireNonNull(nextBatch, "nextBatch");
        return receive(Optional.of(nextBatch), toDevice, changed, left, oneTimeKeyCounts, unusedFallbackKeyTypes);
    }

    private synchronized SyncResult receive(Optional<String> nextBatch, List<ToDeviceEvent> toDevice,
                                            Set<UserId> changed, Set<UserId> left, Map<String, Long> oneTimeKeyCounts,
                                            Optional<List<String>> unusedFallbackKeyTypes) {
        open();
        boolean saved = false;
        try {
            CryptoChanges.Builder changes = CryptoChanges.builder();
            SyncReceiver.Collected out = new SyncReceiver.Collected();
            for (ToDeviceEvent event : toDevice) {
                receiver.receive(event, out, changes);
            }
            tracker.markDirty(changed, changes);
            tracker.untrack(left.stream().filter(u -> !changed.contains(u)).toList(), changes);
            account.updateCounts(oneTimeKeyCounts, unusedFallbackKeyTypes, uploadInFlight.isPresent(), changes);
            nextBatch.ifPresent(token -> position.onSync(token, changes));
            save(changes);
            saved = true;
            return new SyncResult(out.results, out.received, out.withheld);
        } finally {
            if (saved) {
                position.saved();
            } else {
                position.failed();
            }
        }
    }

    /**
     * The requests to send now: a keys upload, a {@code /keys/changes} catch-up after a sync gap, a
     * keys query for dirty users, claims for wedged sessions and waiting key requests, queued
     * to-device messages. Calling again before an answer came returns the same requests (same ids).
     */
    public synchronized List<OutgoingRequest> outgoingRequests() {
        open();
        List<OutgoingRequest> out = new ArrayList<>();
        if (uploadInFlight.isEmpty()) {
            uploadInFlight = account.uploadBody().map(b -> new OutgoingRequest.KeysUpload(Context.newId(), Json.raw(b)));
        }
        uploadInFlight.ifPresent(out::add);
        position.request().ifPresent(out::add);
        tracker.request().ifPresent(out::add);
        olm.wedgedClaim();
        olm.claimRequest(gossip.waitingDevices(), true);
        out.addAll(olm.pendingClaims());
        out.addAll(queue.requests());
        return out;
    }

    /**
     * Takes the 2xx answer of the request {@code requestId}. An unknown id (answered twice, or from
     * before a restart for a request that is made again) is ignored.
     */
    public synchronized void markRequestAsSent(String requestId, RawJson response) {
        open();
        Map<String, Object> body = Json.asObject(response.tree()).orElse(Map.of());
        CryptoChanges.Builder changes = CryptoChanges.builder();
        if (uploadInFlight.isPresent() && uploadInFlight.get().id().equals(requestId)) {
            uploadInFlight = Optional.empty();
            account.onUploaded(body, changes);
        } else if (position.isCatchUp(requestId)) {
            position.onResponse(body, changes);
        } else if (tracker.isInFlight(requestId)) {
            Set<UserId> changed = tracker.onResponse(body, changes);
            if (!changed.isEmpty()) {
                LOG.debug("Device lists changed for {}", changed);
            }
        } else if (olm.isClaim(requestId)) {
            for (StoredDevice device : olm.onClaimResponse(requestId, body, changes)) {
                queueDummy(device, changes);
            }
            gossip.retryWaiting(changes);
        } else if (queue.contains(requestId)) {
            queue.remove(requestId, changes);
            outbound.onToDeviceSent(requestId, changes);
            gossip.onToDeviceSent(requestId, changes);
        } else {
            LOG.debug("Answer for an unknown request {} ignored", requestId);
        }
        save(changes);
    }

    /**
     * The server refused the request {@code requestId} for good (a 4xx other than 429): the
     * machine falls back where it can. A refused {@code /keys/changes} catch-up is replaced by a
     * query of every tracked user. Other requests stay pending, and {@link #outgoingRequests()}
     * offers them again. An unknown id is ignored.
     *
     * @return true if the machine dropped the request and will not offer it again
     */
    public synchronized boolean markRequestAsFailed(String requestId) {
        open();
        if (!position.isCatchUp(requestId)) {
            return false;
        }
        CryptoChanges.Builder changes = CryptoChanges.builder();
        position.onRefused(changes);
        save(changes);
        return true;
    }

    private void queueDummy(StoredDevice device, CryptoChanges.Builder changes) {
        olm.encrypt(device, "m.dummy", Json.obj(), changes).ifPresent(content -> queue.add(
                dev.mxj.event.RoomEncryptedContent.TYPE, List.of(new ToDeviceQueue.Message(device.userId().value(),
                        device.deviceId().value(), content)), changes));
        LOG.info("Sent m.dummy over the new Olm session with {} {}", device.userId(), device.deviceId());
    }

    /**
     * Olm-encrypts one to-device event for a known device we have a session with (see
     * {@link #missingSessions}), queued as an {@code m.room.encrypted} to-device request.
     *
     * @return the request, or empty if the device is unknown or has no session yet
     */
    public synchronized Optional<OutgoingRequest.ToDevice> encryptToDevice(UserId user, DeviceId device, String type,
                                                                           RawJson content) {
        open();
        Optional<StoredDevice> known = ctx.store.device(user, device).filter(d -> !d.deleted());
        Map<String, Object> clear = Json.asObject(content.tree()).orElse(Map.of());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        CryptoChanges.Builder changes = CryptoChanges.builder();
        Optional<OutgoingRequest.ToDevice> request = olm.encrypt(known.get(), type, clear, changes).map(c -> queue.add(
                dev.mxj.event.RoomEncryptedContent.TYPE, List.of(new ToDeviceQueue.Message(user.value(),
                        device.value(), c)), changes).get(0));
        save(changes);
        return request;
    }

    /** Starts tracking the device lists of {@code users} (members of encrypted rooms). */
    public synchronized void updateTrackedUsers(Collection<UserId> users) {
        open();
        CryptoChanges.Builder changes = CryptoChanges.builder();
        tracker.track(users, changes);
        save(changes);
    }

    /**
     * Marks every tracked user dirty: for gaps the machine cannot see (a sync token given to
     * {@link #receiveSyncChanges(String, List, Set, Set, Map, Optional)} catches up on its own).
     */
    public synchronized void markAllTrackedUsersDirty() {
        open();
        CryptoChanges.Builder changes = CryptoChanges.builder();
        tracker.markAllDirty(changes);
        save(changes);
    }

    /** The tracked users. */
    public synchronized Set<UserId> trackedUsers() {
        open();
        return tracker.trackedUsers();
    }

    /** True if {@code user}'s device list must be queried before it can be relied on. */
    public synchronized boolean isDirty(UserId user) {
        open();
        return tracker.isDirty(user);
    }

    /**
     * A {@code /keys/claim} for the devices of {@code users} we have no Olm session with, if any
     * (not also listed by {@link #outgoingRequests()}): send it before {@link #shareRoomKey}.
     */
    public synchronized Optional<OutgoingRequest.KeysClaim> missingSessions(Collection<UserId> users) {
        open();
        List<StoredDevice> devices = new ArrayList<>();
        for (UserId user : users) {
            devices.addAll(ctx.store.devices(user).values());
        }
        return olm.claimRequest(devices, false);
    }

    /**
     * Makes sure every eligible device of {@code users} has the room's current Megolm key,
     * rotating the session first when due (age, count, settings changed, or a device that had it
     * is gone or no longer eligible). Devices that may not have it get {@code m.room_key.withheld}.
     * Call before every {@link #encryptRoomEvent}; it does nothing when nothing changed.
     *
     * @return the to-device requests to send (also listed by {@link #outgoingRequests()} until sent)
     */
    public synchronized List<OutgoingRequest.ToDevice> shareRoomKey(RoomId roomId, Collection<UserId> users,
                                                                   EncryptionSettings settings) {
        open();
        CryptoChanges.Builder changes = CryptoChanges.builder();
        List<OutgoingRequest.ToDevice> requests = outbound.share(roomId, users, settings, changes);
        save(changes);
        return requests;
    }

    /**
     * Encrypts a room event with the room's Megolm session into {@code m.room.encrypted} content
     * ({@code m.relates_to} stays in the clear, as the spec asks).
     *
     * @throws IllegalStateException if no key was shared in the room, or it is due for rotation:
     *                               call {@link #shareRoomKey} first
     */
    public synchronized RawJson encryptRoomEvent(RoomId roomId, String type, RawJson content) {
        open();
        CryptoChanges.Builder changes = CryptoChanges.builder();
        RawJson encrypted = outbound.encrypt(roomId, type, content, changes);
        save(changes);
        return encrypted;
    }

    /** Drops the room's outbound session: the next {@link #shareRoomKey} starts a new one. */
    public synchronized void discardRoomKey(RoomId roomId) {
        open();
        CryptoChanges.Builder changes = CryptoChanges.builder();
        outbound.discard(roomId, changes);
        save(changes);
    }

    /** The id of the room's current outbound Megolm session, if any. */
    public synchronized Optional<String> outboundSessionId(RoomId roomId) {
        open();
        return outbound.sessionId(roomId);
    }

    /**
     * Decrypts an {@code m.room.encrypted} room event (the whole event: {@code event_id},
     * {@code sender}, {@code content}). Never throws for bad input.
     */
    public synchronized DecryptionResult decryptRoomEvent(RoomId roomId, RawJson event) {
        open();
        Map<String, Object> e = Json.asObject(event.tree()).orElse(Map.of());
        Optional<String> eventId = Json.string(e, "event_id");
        Optional<String> sender = Json.string(e, "sender");
        Optional<Map<String, Object>> content = Json.asObject(e.get("content"));
        if (eventId.isEmpty() || sender.isEmpty() || content.isEmpty()) {
            return new DecryptionResult.UnableToDecrypt(UtdReason.MALFORMED, Optional.empty(), Optional.empty(),
                    "the event lacks event_id, sender or content");
        }
        try {
            return decryptRoomEvent(roomId, EventId.of(eventId.get()), UserId.of(sender.get()), Json.raw(content.get()));
        } catch (IllegalArgumentException bad) {
            return new DecryptionResult.UnableToDecrypt(UtdReason.MALFORMED, Optional.empty(), Optional.empty(),
                    "the event's id or sender is invalid");
        }
    }

    /**
     * Decrypts the content of an {@code m.room.encrypted} event {@code eventId} sent by {@code sender}.
     * When the event's session is missing ({@link UtdReason#MISSING_SESSION}) and
     * {@link MachineConfig#autoKeyRequests()} is on, it also queues an {@code m.room_key_request} to
     * this user's other devices (see {@link #requestRoomKey}), at most one per session and a few per
     * minute: send {@link #outgoingRequests()} afterwards.
     */
    public synchronized DecryptionResult decryptRoomEvent(RoomId roomId, EventId eventId, UserId sender,
                                                          RawJson content) {
        open();
        Map<String, Object> c = Json.asObject(content.tree()).orElse(Map.of());
        CryptoChanges.Builder changes = CryptoChanges.builder();
        DecryptionResult result = decryptor.decrypt(roomId, eventId, sender, c, changes);
        if (result instanceof DecryptionResult.UnableToDecrypt utd && utd.reason() == UtdReason.MISSING_SESSION
                && utd.sessionId().isPresent()) {
            if (gossip.autoRequest(roomId, utd.sessionId().get(), Json.string(c, "sender_key").orElse(""), changes)) {
                LOG.debug("Asked our other devices for the key of session {} in {}", utd.sessionId().get(), roomId);
            }
        }
        save(changes);
        return result;
    }

    /**
     * Asks this user's other devices for the key of an event that could not be decrypted. False
     * if the event names no Megolm session or a request for it is already out.
     */
    public synchronized boolean requestRoomKey(RoomId roomId, RawJson encryptedContent) {
        open();
        Map<String, Object> c = Json.asObject(encryptedContent.tree()).orElse(Map.of());
        Optional<String> sessionId = Json.string(c, "session_id");
        if (sessionId.isEmpty() || inbound.get(roomId, sessionId.get()).isPresent()) {
            return false;
        }
        CryptoChanges.Builder changes = CryptoChanges.builder();
        boolean made = gossip.request(roomId, sessionId.get(), Json.string(c, "sender_key").orElse(""), changes);
        save(changes);
        return made;
    }

    /**
     * Exports the inbound Megolm sessions of {@code rooms} into a key export file (the
     * specification's "Key exports", readable by Element and the other SDKs), encrypted under
     * {@code passphrase} with {@code rounds} PBKDF2 rounds ({@link KeyExportFormat#DEFAULT_ROUNDS}
     * unless there is a reason). The slow key derivation runs outside the machine's lock.
     *
     * @param passphrase the user's passphrase for the file (not kept; wipe it after)
     * @throws IllegalArgumentException if the passphrase is empty or {@code rounds} out of range
     */
    public String exportRoomKeys(char[] passphrase, Collection<RoomId> rooms, int rounds) {
        return KeyExportFormat.encrypt(exportedRoomKeys(rooms), passphrase, rounds);
    }

    /** As {@link #exportRoomKeys(char[], Collection, int)} with {@link KeyExportFormat#DEFAULT_ROUNDS}. */
    public String exportRoomKeys(char[] passphrase, Collection<RoomId> rooms) {
        return exportRoomKeys(passphrase, rooms, KeyExportFormat.DEFAULT_ROUNDS);
    }

    /**
     * The inbound Megolm sessions of {@code rooms}, unencrypted, each at its first known index. Secrets:
     * encrypt them before they leave the process ({@link #exportRoomKeys(char[], Collection, int)}).
     */
    public synchronized List<ExportedRoomKey> exportedRoomKeys(Collection<RoomId> rooms) {
        open();
        return transfer.export(List.copyOf(rooms));
    }

    /**
     * Imports a key export file written by mxj or another client. Sessions are kept as not
     * authenticated (events they decrypt get {@link SenderTrust#UNAUTHENTICATED}, as with forwarded
     * keys); a session we hold that decrypts from an earlier or the same message is never replaced.
     * Retry the undecryptable events of {@link RoomKeyImport#keys()} afterwards. The slow key
     * derivation runs outside the machine's lock.
     *
     * @param passphrase the passphrase the file was exported with (not kept; wipe it after)
     * @throws dev.mxj.crypto.keyexport.KeyExportException if the file is not an export, has another
     *                                                     version, or the passphrase is wrong (or the
     *                                                     file altered)
     */
    public RoomKeyImport importRoomKeys(String export, char[] passphrase) {
        return importRoomKeys(KeyExportFormat.decrypt(export, passphrase));
    }

    /** Imports sessions already decrypted; see {@link #importRoomKeys(String, char[])}. */
    public synchronized RoomKeyImport importRoomKeys(List<ExportedRoomKey> keys) {
        open();
        CryptoChanges.Builder changes = CryptoChanges.builder();
        RoomKeyImport result = transfer.importKeys(keys, changes);
        save(changes);
        return result;
    }

    /** The known devices of {@code user} (deleted ones flagged), by id. */
    public synchronized Map<DeviceId, StoredDevice> devices(UserId user) {
        open();
        return ctx.store.devices(user);
    }

    /** One known device. */
    public synchronized Optional<StoredDevice> device(UserId user, DeviceId device) {
        open();
        return ctx.store.device(user, device);
    }

    /**
     * Sets the user's decision about a device. Blacklisting (or un-verifying under a verified-only
     * policy) a device that has a room key rotates that room's session at the next share.
     *
     * @return false if the device is unknown
     */
    public synchronized boolean setLocalTrust(UserId user, DeviceId device, LocalTrust trust) {
        open();
        Optional<StoredDevice> known = ctx.store.device(user, device);
        if (known.isEmpty()) {
            return false;
        }
        CryptoChanges.Builder changes = CryptoChanges.builder();
        changes.device(known.get().withTrust(trust));
        save(changes);
        return true;
    }

    private void save(CryptoChanges.Builder changes) {
        CryptoChanges built = changes.build();
        if (!built.isEmpty()) {
            ctx.store.save(built);
        }
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("The Olm machine was closed");
        }
    }

    /** Closes the machine: wipes the pickle key and frees every native session. The store stays open. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        outbound.close();
        inbound.close();
        olm.close();
        account.close();
        ctx.pickleKey.close();
    }
}
