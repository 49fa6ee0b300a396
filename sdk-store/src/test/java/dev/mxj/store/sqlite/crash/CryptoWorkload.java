package dev.mxj.store.sqlite.crash;

import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.DecryptionRecord;
import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.crypto.store.PendingRequest;
import dev.mxj.crypto.store.PickleKeyParams;
import dev.mxj.crypto.store.ShareEntry;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.crypto.store.StoredKeyRequest;
import dev.mxj.crypto.store.StoredOlmSession;
import dev.mxj.crypto.store.StoredOutboundGroupSession;
import dev.mxj.crypto.store.StoredWithheld;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The saves of {@link CryptoCrashIT}, shaped like an OlmMachine's: save {@code s} is a pure
 * function of {@code s}, so the state after {@code s} saves is known exactly (the same saves
 * applied to a {@code MemoryCryptoStore}).
 *
 * <p>One-time keys come in batches of {@value #BATCH}: the first save of a batch generates and
 * publishes them (the account changes); each later save of the batch receives a pre-key message on
 * the next key, so that ONE save removes the key from the account, adds the Olm session it made,
 * adds the room key the message carried and drops the key request it answers. Around that, every
 * save also queues a to-device request and removes an older one, moves the room's outbound session
 * on (its share list changes every 5 saves, it is dropped every 40), updates a device, a tracked
 * user, withheld notices and replay records. Pickles are fake (the store never reads them) but
 * sized like real ones.
 */
final class CryptoWorkload {
    static final int BATCH = 10;
    static final int PEERS = 7;
    static final int USERS = 5;
    static final List<RoomId> ROOMS = List.of(RoomId.of("!a:example.org"), RoomId.of("!b:example.org"),
            RoomId.of("!c:example.org"));
    static final UserId ME = UserId.of("@me:example.org");
    static final DeviceId MY_DEVICE = DeviceId.of("MYDEVICE");
    static final PickleKeyParams PARAMS = new PickleKeyParams("pbkdf2-hmac-sha512", "c2FsdHNhbHRzYWx0c2FsdA", 1000,
            "Y2hlY2s");

    private CryptoWorkload() {
    }

    /** Everything save {@code s} (1, 2, ...) writes. */
    static CryptoChanges save(int s) {
        CryptoChanges.Builder changes = CryptoChanges.builder();
        if (s == 1) {
            changes.pickleKeyParams(PARAMS);
        }
        changes.account(account(s));
        int key = consumedKey(s);
        if (key >= 0) {
            changes.olmSession(new StoredOlmSession(peerKey(key), "olm-k" + key, pad("olm:k" + key, 1500), s, s));
            changes.inboundGroupSession(roomKey(s, key));
            changes.removeKeyRequest("kr-" + s);
            changes.decryptionRecord(new DecryptionRecord(room(s), "g-" + s, 0, EventId.of("$e-" + s)));
        }
        if (consumedKey(s + 1) >= 0) {
            changes.keyRequest(new StoredKeyRequest("kr-" + (s + 1), room(s + 1), "g-" + (s + 1),
                    peerKey(consumedKey(s + 1)), s % 2 == 0));
        }
        if (s > 1) {
            // A replay of the previous save's index: the first record must stay.
            changes.decryptionRecord(new DecryptionRecord(room(s - 1), "g-" + (s - 1), 0, EventId.of("$replay-" + s)));
        }
        changes.addRequest(new PendingRequest("req-" + s, "to_device", "m.room.encrypted",
                pad("{\"messages\":{\"ciphertext\":\"" + s, 600) + "\"}}", s));
        if (s > 3) {
            changes.removeRequest("req-" + (s - 3));
        }
        changes.outboundGroupSession(outbound(s));
        if (s % 40 == 0) {
            changes.removeOutboundGroupSession(ROOMS.get((s / 40) % ROOMS.size()));
        }
        changes.device(new StoredDevice(user(s % USERS), DeviceId.of("DEV" + (s % 13)), "curve-" + s, "ed-" + s,
                "{\"device_id\":\"DEV" + (s % 13) + "\",\"n\":" + s + "}",
                s % 4 == 0 ? Optional.empty() : Optional.of("Device " + s), LocalTrust.values()[s % 3], s % 17 == 0));
        changes.trackedUser(user(s % USERS), s % 2 == 0);
        if (s % 17 == 0) {
            changes.untrackUser(user((s + 1) % USERS));
        }
        if (s % 6 == 0) {
            changes.withheld(new StoredWithheld(room(s), "w-" + s, peerKey(s), "m.unverified",
                    s % 12 == 0 ? Optional.empty() : Optional.of("not verified " + s)));
        }
        return changes.build();
    }

    /** The one-time key save {@code s} uses up, or -1 for the first save of a batch (which makes keys). */
    static int consumedKey(int s) {
        int b = (s - 1) / BATCH;
        int j = (s - 1) % BATCH;
        return j == 0 ? -1 : b * BATCH + j - 1;
    }

    /** The one-time keys in the account after save {@code s}: generated, published, not used. */
    static List<Integer> unusedKeys(int s) {
        List<Integer> unused = new ArrayList<>();
        int b = (s - 1) / BATCH;
        int j = (s - 1) % BATCH;
        for (int earlier = 0; earlier < b; earlier++) {
            unused.add(earlier * BATCH + BATCH - 1); // the last key of a batch is never used
        }
        for (int i = j; i < BATCH; i++) {
            unused.add(b * BATCH + i);
        }
        return unused;
    }

    static StoredAccount account(int s) {
        List<Integer> unused = unusedKeys(s);
        StringBuilder keys = new StringBuilder();
        for (int key : unused) {
            keys.append(keys.length() == 0 ? "" : ",").append("k").append(key);
        }
        return new StoredAccount(ME, MY_DEVICE, pad("acct:" + s + ":" + keys + ":", 3000), true, unused.size(),
                Optional.of((long) ((s - 1) / BATCH)));
    }

    /** The save number written in an account pickle of this workload. */
    static int saveOf(StoredAccount account) {
        return Integer.parseInt(account.pickle().split(":")[1]);
    }

    /** The one-time keys an account pickle of this workload holds. */
    static List<Integer> keysOf(StoredAccount account) {
        List<Integer> keys = new ArrayList<>();
        for (String key : account.pickle().split(":")[2].split(",")) {
            keys.add(Integer.parseInt(key.substring(1)));
        }
        return keys;
    }

    /** The one-time key an Olm session of this workload was made from. */
    static int keyOf(StoredOlmSession session) {
        return Integer.parseInt(session.sessionId().substring("olm-k".length()));
    }

    static StoredInboundGroupSession roomKey(int s, int key) {
        boolean forwarded = s % 4 == 0;
        return new StoredInboundGroupSession(room(s), "g-" + s, peerKey(key), "ed-peer-" + (key % PEERS),
                forwarded ? List.of("fwd-1-" + s, "fwd-2-" + s) : List.of(), forwarded, forwarded ? 3 : 0,
                pad("megolm:" + s, 800));
    }

    static StoredOutboundGroupSession outbound(int s) {
        int generation = s / 5;
        List<ShareEntry> shares = new ArrayList<>();
        for (int i = 0; i <= generation % 50; i++) {
            shares.add(new ShareEntry(user(i % USERS), DeviceId.of("DEV" + i), "curve-" + i, generation,
                    i % 11 == 0 ? Optional.of("m.blacklisted") : Optional.empty(),
                    i % 3 == 0 ? Optional.of("req-share-" + generation) : Optional.empty()));
        }
        return new StoredOutboundGroupSession(room(s), "out-" + (s / 40) + "-" + (s % ROOMS.size()),
                pad("outbound:" + s, 700), s, s, 604_800_000L, 100, s % 9 == 0, shares);
    }

    static RoomId room(int s) {
        return ROOMS.get(s % ROOMS.size());
    }

    static String peerKey(int n) {
        return "peerKey" + (n % PEERS);
    }

    static UserId user(int n) {
        return UserId.of("@u" + n + ":example.org");
    }

    /** {@code prefix} filled up to {@code length} with base64-looking characters. */
    private static String pad(String prefix, int length) {
        StringBuilder out = new StringBuilder(length).append(prefix);
        int i = 0;
        while (out.length() < length) {
            out.append((char) ('A' + (prefix.hashCode() + i++ * 7 & 0x7fffffff) % 26));
        }
        return out.toString();
    }
}
