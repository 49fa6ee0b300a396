package dev.mxj.crypto.store;

import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the OlmMachine keeps its state: one per device (user and device id). Implementations:
 * {@link MemoryCryptoStore}, and the SQLite store of {@code sdk-store}. Both pass the one contract
 * suite {@code CryptoStoreContract} in sdk-crypto's test jar.
 *
 * <p>Every write is one {@link #save(CryptoChanges)}: all of it is kept, or (if it throws) none of
 * it, also across a crash. Reads see the last complete save. Pickles arrive encrypted with the
 * {@link PickleKey}; the store keeps them as given and never needs the key.
 *
 * <p>Thread safety: implementations are safe to call from several threads; the machine serialises
 * its own writes.
 *
 * <p>Failures throw {@link dev.mxj.StoreException}.
 */
public interface CryptoStore extends AutoCloseable {

    /** The pickle key derivation, once {@link CryptoChanges#pickleKeyParams()} was saved. */
    Optional<PickleKeyParams> pickleKeyParams();

    /** This device's account, once one was saved. */
    Optional<StoredAccount> account();

    /** The Olm sessions with the device whose Curve25519 identity key is {@code senderKey}, in any order. */
    List<StoredOlmSession> olmSessions(String senderKey);

    /** The inbound Megolm session {@code sessionId} of {@code roomId}. */
    Optional<StoredInboundGroupSession> inboundGroupSession(RoomId roomId, String sessionId);

    /** Every inbound Megolm session of {@code roomId}, in any order (key export, re-decryption). */
    List<StoredInboundGroupSession> inboundGroupSessions(RoomId roomId);

    /** The outbound Megolm session of {@code roomId}. */
    Optional<StoredOutboundGroupSession> outboundGroupSession(RoomId roomId);

    /** The known devices of {@code userId} (deleted ones included), by device id. */
    Map<DeviceId, StoredDevice> devices(UserId userId);

    /** One device of {@code userId}. */
    default Optional<StoredDevice> device(UserId userId, DeviceId deviceId) {
        return Optional.ofNullable(devices(userId).get(deviceId));
    }

    /** The tracked users, each with its dirty flag (true: its device list must be queried). */
    Map<UserId, Boolean> trackedUsers();

    /** The pending outgoing requests, oldest ({@link PendingRequest#createdMs()}, then id) first. */
    List<PendingRequest> pendingRequests();

    /** The withheld notice received for {@code sessionId} of {@code roomId}. */
    Optional<StoredWithheld> withheld(RoomId roomId, String sessionId);

    /** The outgoing room key requests, in any order. */
    List<StoredKeyRequest> keyRequests();

    /** The event a message index of a Megolm session was first decrypted for. */
    Optional<DecryptionRecord> decryptionRecord(RoomId roomId, String sessionId, long messageIndex);

    /**
     * The {@code next_batch} token of the last sync the machine processed, once
     * {@link CryptoChanges#syncToken()} was saved: after a gap (a crash between the state store's
     * commit and the machine's processing, a restored backup) the machine asks
     * {@code /keys/changes} from there.
     */
    Optional<String> syncToken();

    /**
     * Saves {@code changes} atomically: all or nothing, even if the process dies during the call.
     * A {@link DecryptionRecord} whose key is already stored is ignored (the first one stays).
     *
     * @throws dev.mxj.StoreException if it could not be saved; nothing of it was then kept
     */
    void save(CryptoChanges changes);

    /** Releases the store's resources. Calls after closing throw {@link IllegalStateException}. */
    @Override
    void close();
}
