package dev.mxj.crypto.store;

import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;

import java.util.List;
import java.util.Optional;

/** Sample records for the crypto store contract: plain values, no real keys needed. */
public final class CryptoStoreFixtures {
    public static final UserId ALICE = UserId.of("@alice:example.org");
    public static final UserId BOB = UserId.of("@bob:example.org");
    public static final DeviceId ALICE_DEVICE = DeviceId.of("ALICEDEVICE");
    public static final DeviceId BOB_PHONE = DeviceId.of("BOBPHONE");
    public static final DeviceId BOB_LAPTOP = DeviceId.of("BOBLAPTOP");
    public static final RoomId ROOM = RoomId.of("!room:example.org");
    public static final RoomId OTHER_ROOM = RoomId.of("!other:example.org");

    private CryptoStoreFixtures() {
    }

    public static PickleKeyParams params() {
        return new PickleKeyParams(PickleKey.PBKDF2_HMAC_SHA512, "c2FsdHNhbHRzYWx0c2FsdA", 1000, "Y2hlY2s");
    }

    public static StoredAccount account(String pickle, long otks) {
        return new StoredAccount(ALICE, ALICE_DEVICE, pickle, otks > 0, otks, Optional.of(1234L));
    }

    public static StoredOlmSession olm(String senderKey, String sessionId, String pickle, long lastUsed) {
        return new StoredOlmSession(senderKey, sessionId, pickle, 100, lastUsed);
    }

    public static StoredInboundGroupSession inbound(RoomId room, String sessionId, String pickle) {
        return new StoredInboundGroupSession(room, sessionId, "curveKeyOfBob", "edKeyOfBob", List.of(), false, 0,
                pickle);
    }

    /** A room key from Bob's phone, with the key sender recorded. */
    public static StoredInboundGroupSession fromBob(RoomId room, String sessionId) {
        return new StoredInboundGroupSession(room, sessionId, "curveKeyOfBob", "edKeyOfBob", List.of(), false, 0,
                "pickleFromBob", Optional.of(new KeySender(BOB, "curveKeyOfBob")));
    }

    /** An Olm session that remembers the hashes of the messages it decrypted. */
    public static StoredOlmSession olmWithHashes(String senderKey, String sessionId, List<String> hashes) {
        return new StoredOlmSession(senderKey, sessionId, "hashedPickle", 100, 200, hashes);
    }

    public static StoredInboundGroupSession forwarded(RoomId room, String sessionId, long firstIndex) {
        return new StoredInboundGroupSession(room, sessionId, "curveKeyOfBob", "edKeyOfBob",
                List.of("curveKeyOfCarol", "curveKeyOfDave"), true, firstIndex, "forwardedPickle");
    }

    public static StoredOutboundGroupSession outbound(RoomId room, String sessionId, long messages) {
        List<ShareEntry> shared = List.of(
                new ShareEntry(BOB, BOB_PHONE, "curvePhone", 0, Optional.empty(), Optional.empty()),
                new ShareEntry(BOB, BOB_LAPTOP, "curveLaptop", 3, Optional.of("m.blacklisted"),
                        Optional.of("req-1")));
        return new StoredOutboundGroupSession(room, sessionId, "outPickle-" + sessionId, 5000, messages,
                604_800_000L, 100, false, shared);
    }

    public static StoredDevice device(UserId user, DeviceId id, LocalTrust trust) {
        return new StoredDevice(user, id, "curve-" + id.value(), "ed-" + id.value(),
                "{\"device_id\":\"" + id.value() + "\"}", Optional.of("Phone of " + user.value()), trust, false);
    }

    public static PendingRequest request(String id, long created) {
        return new PendingRequest(id, "to_device", "m.room.encrypted", "{\"messages\":{}}", created);
    }

    public static DecryptionRecord record(String sessionId, long index, String eventId) {
        return new DecryptionRecord(ROOM, sessionId, index, EventId.of(eventId));
    }
}
