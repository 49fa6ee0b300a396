package dev.mxj.store.sqlite.crash;

import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.crypto.store.StoredKeyRequest;
import dev.mxj.crypto.store.StoredOlmSession;
import dev.mxj.id.RoomId;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.store.sqlite.crash.CryptoWorkload.PEERS;
import static dev.mxj.store.sqlite.crash.CryptoWorkload.ROOMS;
import static dev.mxj.store.sqlite.crash.CryptoWorkload.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a crypto store written by {@link CryptoWorkload}: first the two promises in their own
 * words (no one-time key usable twice, no room key lost), then that the store holds exactly the
 * state after its last save: the same saves applied to a {@link MemoryCryptoStore}.
 */
final class CryptoStateCheck {
    /** Withheld notices and replay records are checked for the last this many saves... */
    static final int RECENT = 400;
    /** ...and for every this many-th save before. */
    static final int SAMPLE_EVERY = 53;

    private CryptoStateCheck() {
    }

    /** The number of the last save {@code store} holds (0 for none). */
    static int lastSave(CryptoStore store) {
        return store.account().map(CryptoWorkload::saveOf).orElse(0);
    }

    /** Checks the promises in {@code actual}, which holds save {@code s} and every save before. */
    static void promisesKept(CryptoStore actual, int s, String when) {
        if (s == 0) {
            assertEquals(List.of(), actual.olmSessions(CryptoWorkload.peerKey(0)),
                    when + ": sessions without an account");
            return;
        }
        StoredAccount account = actual.account().orElseThrow();
        List<Integer> unused = CryptoWorkload.keysOf(account);
        Set<Integer> sessionKeys = new HashSet<>();
        for (int p = 0; p < PEERS; p++) {
            for (StoredOlmSession session : actual.olmSessions(CryptoWorkload.peerKey(p))) {
                int key = CryptoWorkload.keyOf(session);
                assertFalse(unused.contains(key), when + ": one-time key k" + key + " made Olm session "
                        + session.sessionId() + " but is still in the account (save " + s
                        + "): it could be used twice");
                sessionKeys.add(key);
            }
        }
        Set<String> roomKeys = new HashSet<>();
        for (RoomId room : ROOMS) {
            for (StoredInboundGroupSession key : actual.inboundGroupSessions(room)) {
                roomKeys.add(key.sessionId());
            }
        }
        Set<String> openKeyRequests = new HashSet<>();
        for (StoredKeyRequest request : actual.keyRequests()) {
            openKeyRequests.add(request.requestId());
        }
        for (int t = 1; t <= s; t++) {
            int key = CryptoWorkload.consumedKey(t);
            if (key < 0) {
                continue;
            }
            assertTrue(sessionKeys.contains(key), when + ": one-time key k" + key + " is gone from the account"
                    + " (save " + t + "), but the Olm session it made is not stored");
            assertTrue(roomKeys.contains("g-" + t), when + ": room key g-" + t + " (save " + t + ") is lost");
            assertFalse(openKeyRequests.contains("kr-" + t), when + ": key request kr-" + t + " is still open,"
                    + " though its room key arrived in save " + t);
        }
    }

    /** Checks that {@code actual} reads exactly as {@code model}, both after save {@code s}. */
    static void sameAs(MemoryCryptoStore model, CryptoStore actual, int s, String when) {
        assertEquals(model.pickleKeyParams(), actual.pickleKeyParams(), when + ": pickle key params");
        assertEquals(model.account(), actual.account(), when + ": account");
        for (int p = 0; p < PEERS; p++) {
            String peer = CryptoWorkload.peerKey(p);
            assertEquals(Set.copyOf(model.olmSessions(peer)), Set.copyOf(actual.olmSessions(peer)),
                    when + ": Olm sessions with " + peer);
        }
        for (RoomId room : ROOMS) {
            assertEquals(Set.copyOf(model.inboundGroupSessions(room)), Set.copyOf(actual.inboundGroupSessions(room)),
                    when + ": room keys of " + room);
            assertEquals(model.outboundGroupSession(room), actual.outboundGroupSession(room),
                    when + ": outbound session of " + room);
        }
        for (int u = 0; u < USERS; u++) {
            assertEquals(model.devices(CryptoWorkload.user(u)), actual.devices(CryptoWorkload.user(u)),
                    when + ": devices of user " + u);
        }
        assertEquals(model.trackedUsers(), actual.trackedUsers(), when + ": tracked users");
        assertEquals(model.pendingRequests(), actual.pendingRequests(), when + ": pending requests");
        assertEquals(Set.copyOf(model.keyRequests()), Set.copyOf(actual.keyRequests()), when + ": key requests");
        for (int t = 1; t <= s + 1; t++) {
            if (t < s - RECENT && t % SAMPLE_EVERY != 0) {
                continue;
            }
            RoomId room = CryptoWorkload.room(t);
            assertEquals(model.withheld(room, "w-" + t), actual.withheld(room, "w-" + t), when + ": withheld w-" + t);
            assertEquals(model.decryptionRecord(room, "g-" + t, 0), actual.decryptionRecord(room, "g-" + t, 0),
                    when + ": replay record of g-" + t);
        }
        assertEquals(Optional.empty(), actual.decryptionRecord(CryptoWorkload.room(s + 2), "g-" + (s + 2), 0),
                when + ": a record from the future");
    }
}
