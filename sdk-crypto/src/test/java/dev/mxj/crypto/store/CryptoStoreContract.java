package dev.mxj.crypto.store;

import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static dev.mxj.crypto.store.CryptoStoreFixtures.ALICE;
import static dev.mxj.crypto.store.CryptoStoreFixtures.BOB;
import static dev.mxj.crypto.store.CryptoStoreFixtures.BOB_LAPTOP;
import static dev.mxj.crypto.store.CryptoStoreFixtures.BOB_PHONE;
import static dev.mxj.crypto.store.CryptoStoreFixtures.OTHER_ROOM;
import static dev.mxj.crypto.store.CryptoStoreFixtures.ROOM;
import static dev.mxj.crypto.store.CryptoStoreFixtures.account;
import static dev.mxj.crypto.store.CryptoStoreFixtures.device;
import static dev.mxj.crypto.store.CryptoStoreFixtures.forwarded;
import static dev.mxj.crypto.store.CryptoStoreFixtures.fromBob;
import static dev.mxj.crypto.store.CryptoStoreFixtures.inbound;
import static dev.mxj.crypto.store.CryptoStoreFixtures.olm;
import static dev.mxj.crypto.store.CryptoStoreFixtures.olmWithHashes;
import static dev.mxj.crypto.store.CryptoStoreFixtures.outbound;
import static dev.mxj.crypto.store.CryptoStoreFixtures.params;
import static dev.mxj.crypto.store.CryptoStoreFixtures.record;
import static dev.mxj.crypto.store.CryptoStoreFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one contract every {@link CryptoStore} passes. Subclass it (or
 * {@link PersistentCryptoStoreContract} for a store that outlives the process) and implement
 * {@link #newStore()}. Stores made by the suite are closed after each test.
 */
public abstract class CryptoStoreContract {
    private final List<CryptoStore> opened = new ArrayList<>();

    /** A new, empty store. Called once or more per test. */
    protected abstract CryptoStore newStore() throws Exception;

    /** A new store that the suite closes after the test. */
    protected final CryptoStore store() throws Exception {
        return track(newStore());
    }

    /** Registers a store for closing after the test. */
    protected final CryptoStore track(CryptoStore store) {
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        for (CryptoStore store : opened) {
            try {
                store.close();
            } catch (RuntimeException alreadyClosed) {
                // a test may have closed it
            }
        }
        opened.clear();
    }

    private static CryptoChanges.Builder changes() {
        return CryptoChanges.builder();
    }

    @Test
    void aNewStoreIsEmpty() throws Exception {
        CryptoStore store = store();
        assertEquals(Optional.empty(), store.pickleKeyParams());
        assertEquals(Optional.empty(), store.account());
        assertEquals(List.of(), store.olmSessions("anyKey"));
        assertEquals(Optional.empty(), store.inboundGroupSession(ROOM, "s"));
        assertEquals(List.of(), store.inboundGroupSessions(ROOM));
        assertEquals(Optional.empty(), store.outboundGroupSession(ROOM));
        assertEquals(Map.of(), store.devices(BOB));
        assertEquals(Optional.empty(), store.device(BOB, BOB_PHONE));
        assertEquals(Map.of(), store.trackedUsers());
        assertEquals(List.of(), store.pendingRequests());
        assertEquals(Optional.empty(), store.withheld(ROOM, "s"));
        assertEquals(List.of(), store.keyRequests());
        assertEquals(Optional.empty(), store.decryptionRecord(ROOM, "s", 0));
        assertEquals(Optional.empty(), store.syncToken());
    }

    @Test
    void emptyChangesChangeNothing() throws Exception {
        CryptoStore store = store();
        assertTrue(changes().build().isEmpty());
        store.save(changes().build());
        assertEquals(Optional.empty(), store.account());
    }

    @Test
    void pickleKeyParamsAndAccountAreKept() throws Exception {
        CryptoStore store = store();
        store.save(changes().pickleKeyParams(params()).account(account("pickle-1", 0)).build());
        assertEquals(Optional.of(params()), store.pickleKeyParams());
        assertEquals(Optional.of(account("pickle-1", 0)), store.account());

        store.save(changes().account(account("pickle-2", 50)).build());
        assertEquals(Optional.of(account("pickle-2", 50)), store.account());
        assertEquals(Optional.of(params()), store.pickleKeyParams(), "saving the account keeps the params");
    }

    @Test
    void accountWithoutFallbackTimestampRoundTrips() throws Exception {
        CryptoStore store = store();
        StoredAccount bare = new StoredAccount(ALICE, DeviceId.of("D"), "p", false, 0, Optional.empty());
        store.save(changes().account(bare).build());
        assertEquals(Optional.of(bare), store.account());
    }

    @Test
    void olmSessionsAreKeptPerSenderKeyAndReplacedById() throws Exception {
        CryptoStore store = store();
        store.save(changes().olmSession(olm("keyB", "s1", "p1", 10)).olmSession(olm("keyB", "s2", "p2", 20))
                .olmSession(olm("keyC", "s1", "other", 30)).build());
        assertEquals(Set.of(olm("keyB", "s1", "p1", 10), olm("keyB", "s2", "p2", 20)),
                Set.copyOf(store.olmSessions("keyB")));
        assertEquals(List.of(olm("keyC", "s1", "other", 30)), store.olmSessions("keyC"));

        store.save(changes().olmSession(olm("keyB", "s1", "p1-later", 40)).build());
        assertEquals(Set.of(olm("keyB", "s1", "p1-later", 40), olm("keyB", "s2", "p2", 20)),
                Set.copyOf(store.olmSessions("keyB")));
    }

    @Test
    void inboundGroupSessionsAreKeptPerRoomAndSession() throws Exception {
        CryptoStore store = store();
        store.save(changes().inboundGroupSession(inbound(ROOM, "s1", "p1")).inboundGroupSession(inbound(ROOM, "s2", "p2"))
                .inboundGroupSession(inbound(OTHER_ROOM, "s1", "elsewhere")).build());
        assertEquals(Optional.of(inbound(ROOM, "s1", "p1")), store.inboundGroupSession(ROOM, "s1"));
        assertEquals(Optional.of(inbound(OTHER_ROOM, "s1", "elsewhere")), store.inboundGroupSession(OTHER_ROOM, "s1"));
        assertEquals(Set.of(inbound(ROOM, "s1", "p1"), inbound(ROOM, "s2", "p2")),
                Set.copyOf(store.inboundGroupSessions(ROOM)));

        store.save(changes().inboundGroupSession(forwarded(ROOM, "s1", 7)).build());
        StoredInboundGroupSession replaced = store.inboundGroupSession(ROOM, "s1").orElseThrow();
        assertEquals(forwarded(ROOM, "s1", 7), replaced);
        assertEquals(List.of("curveKeyOfCarol", "curveKeyOfDave"), replaced.forwardingChain(),
                "the forwarding chain keeps its order");
    }

    @Test
    void theKeySenderOfARoomKeyIsKept() throws Exception {
        CryptoStore store = store();
        store.save(changes().inboundGroupSession(fromBob(ROOM, "s1")).inboundGroupSession(inbound(ROOM, "s2", "p2"))
                .build());
        assertEquals(Optional.of(new KeySender(BOB, "curveKeyOfBob")),
                store.inboundGroupSession(ROOM, "s1").orElseThrow().keySender());
        assertEquals(Optional.empty(), store.inboundGroupSession(ROOM, "s2").orElseThrow().keySender(),
                "a key without a recorded sender stays without one");
        assertEquals(Set.of(fromBob(ROOM, "s1"), inbound(ROOM, "s2", "p2")), Set.copyOf(store.inboundGroupSessions(ROOM)));
    }

    @Test
    void olmMessageHashesAreKeptInOrderAndReplaced() throws Exception {
        CryptoStore store = store();
        store.save(changes().olmSession(olmWithHashes("keyB", "s1", List.of("h1", "h2", "h3"))).build());
        assertEquals(List.of("h1", "h2", "h3"), store.olmSessions("keyB").get(0).recentMessageHashes());
        store.save(changes().olmSession(olmWithHashes("keyB", "s1", List.of("h2", "h3", "h4"))).build());
        assertEquals(List.of(olmWithHashes("keyB", "s1", List.of("h2", "h3", "h4"))), store.olmSessions("keyB"));
        store.save(changes().olmSession(olm("keyB", "s1", "p", 1)).build());
        assertEquals(List.of(), store.olmSessions("keyB").get(0).recentMessageHashes());
    }

    @Test
    void theSyncTokenIsReplacedAndKeptWhenAbsent() throws Exception {
        CryptoStore store = store();
        store.save(changes().syncToken("s1_a").build());
        assertEquals(Optional.of("s1_a"), store.syncToken());
        store.save(changes().syncToken("s2_b").trackedUser(BOB, true).build());
        assertEquals(Optional.of("s2_b"), store.syncToken());
        store.save(changes().trackedUser(BOB, false).build());
        assertEquals(Optional.of("s2_b"), store.syncToken(), "a save without a token keeps the stored one");
        assertTrue(!changes().syncToken("x").build().isEmpty(), "a token alone is a change");
    }

    @Test
    void outboundGroupSessionsAreReplacedAndRemoved() throws Exception {
        CryptoStore store = store();
        store.save(changes().outboundGroupSession(outbound(ROOM, "o1", 0)).build());
        assertEquals(Optional.of(outbound(ROOM, "o1", 0)), store.outboundGroupSession(ROOM));
        assertEquals(2, store.outboundGroupSession(ROOM).orElseThrow().sharedWith().size());

        store.save(changes().outboundGroupSession(outbound(ROOM, "o2", 5)).build());
        assertEquals(Optional.of(outbound(ROOM, "o2", 5)), store.outboundGroupSession(ROOM));

        store.save(changes().removeOutboundGroupSession(ROOM).build());
        assertEquals(Optional.empty(), store.outboundGroupSession(ROOM));
    }

    @Test
    void removalsApplyAfterUpsertsOfTheSameSave() throws Exception {
        CryptoStore store = store();
        CryptoChanges both = new CryptoChanges(Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(outbound(ROOM, "o1", 0)), Set.of(ROOM), List.of(), Map.of(BOB, true), Set.of(BOB),
                List.of(request("r1", 1)), Set.of("r1"), List.of(), List.of(), Set.of(), List.of());
        store.save(both);
        assertEquals(Optional.empty(), store.outboundGroupSession(ROOM));
        assertEquals(Map.of(), store.trackedUsers());
        assertEquals(List.of(), store.pendingRequests());
    }

    @Test
    void devicesAreKeptPerUserWithTrustAndDeletion() throws Exception {
        CryptoStore store = store();
        store.save(changes().device(device(BOB, BOB_PHONE, LocalTrust.UNVERIFIED))
                .device(device(BOB, BOB_LAPTOP, LocalTrust.VERIFIED))
                .device(device(ALICE, BOB_PHONE, LocalTrust.BLACKLISTED)).build());
        assertEquals(Map.of(BOB_PHONE, device(BOB, BOB_PHONE, LocalTrust.UNVERIFIED),
                BOB_LAPTOP, device(BOB, BOB_LAPTOP, LocalTrust.VERIFIED)), store.devices(BOB));
        assertEquals(Optional.of(device(ALICE, BOB_PHONE, LocalTrust.BLACKLISTED)), store.device(ALICE, BOB_PHONE));

        StoredDevice gone = device(BOB, BOB_PHONE, LocalTrust.VERIFIED).withDeleted(true);
        store.save(changes().device(gone).build());
        assertEquals(Optional.of(gone), store.device(BOB, BOB_PHONE));
        assertEquals(2, store.devices(BOB).size(), "a deleted device is kept, flagged");
    }

    @Test
    void deviceWithoutDisplayNameRoundTrips() throws Exception {
        CryptoStore store = store();
        StoredDevice bare = new StoredDevice(BOB, BOB_PHONE, "c", "e", "{}", Optional.empty(), LocalTrust.UNVERIFIED,
                false);
        store.save(changes().device(bare).build());
        assertEquals(Optional.of(bare), store.device(BOB, BOB_PHONE));
    }

    @Test
    void trackedUsersKeepTheirDirtyFlag() throws Exception {
        CryptoStore store = store();
        store.save(changes().trackedUser(ALICE, false).trackedUser(BOB, true).build());
        assertEquals(Map.of(ALICE, false, BOB, true), store.trackedUsers());

        store.save(changes().trackedUser(BOB, false).build());
        assertEquals(Map.of(ALICE, false, BOB, false), store.trackedUsers());

        store.save(changes().untrackUser(ALICE).build());
        assertEquals(Map.of(BOB, false), store.trackedUsers());
    }

    @Test
    void pendingRequestsComeOldestFirstUntilRemoved() throws Exception {
        CryptoStore store = store();
        store.save(changes().addRequest(request("b", 20)).addRequest(request("a", 30)).addRequest(request("c", 10))
                .build());
        assertEquals(List.of(request("c", 10), request("b", 20), request("a", 30)), store.pendingRequests());

        store.save(changes().removeRequest("b").build());
        assertEquals(List.of(request("c", 10), request("a", 30)), store.pendingRequests());

        store.save(changes().removeRequest("unknown").build());
        assertEquals(2, store.pendingRequests().size(), "removing an unknown id is harmless");
    }

    @Test
    void withheldNoticesAreKept() throws Exception {
        CryptoStore store = store();
        StoredWithheld notice = new StoredWithheld(ROOM, "s1", "curveKeyOfBob", "m.unverified",
                Optional.of("You are not verified"));
        StoredWithheld bare = new StoredWithheld(ROOM, "s2", "curveKeyOfBob", "m.blacklisted", Optional.empty());
        store.save(changes().withheld(notice).withheld(bare).build());
        assertEquals(Optional.of(notice), store.withheld(ROOM, "s1"));
        assertEquals(Optional.of(bare), store.withheld(ROOM, "s2"));
        assertEquals(Optional.empty(), store.withheld(OTHER_ROOM, "s1"));
    }

    @Test
    void keyRequestsAreKeptUntilRemoved() throws Exception {
        CryptoStore store = store();
        StoredKeyRequest unsent = new StoredKeyRequest("k1", ROOM, "s1", "curveKeyOfBob", false);
        store.save(changes().keyRequest(unsent).keyRequest(new StoredKeyRequest("k2", ROOM, "s2", "x", true)).build());
        assertEquals(2, store.keyRequests().size());

        StoredKeyRequest sent = new StoredKeyRequest("k1", ROOM, "s1", "curveKeyOfBob", true);
        store.save(changes().keyRequest(sent).removeKeyRequest("k2").build());
        assertEquals(List.of(sent), store.keyRequests());
    }

    @Test
    void theFirstDecryptionRecordStays() throws Exception {
        CryptoStore store = store();
        store.save(changes().decryptionRecord(record("s1", 0, "$first")).build());
        store.save(changes().decryptionRecord(record("s1", 0, "$replay")).decryptionRecord(record("s1", 1, "$next"))
                .build());
        assertEquals(Optional.of(EventId.of("$first")),
                store.decryptionRecord(ROOM, "s1", 0).map(DecryptionRecord::eventId));
        assertEquals(Optional.of(EventId.of("$next")),
                store.decryptionRecord(ROOM, "s1", 1).map(DecryptionRecord::eventId));
        assertEquals(Optional.empty(), store.decryptionRecord(OTHER_ROOM, "s1", 0));
        assertEquals(Optional.empty(), store.decryptionRecord(ROOM, "s1", 2));
    }

    @Test
    void oneSaveKeepsEverythingTogether() throws Exception {
        CryptoStore store = store();
        store.save(everything());
        assertEverything(store);
    }

    @Test
    void readersNeverSeeHalfASave() throws Exception {
        CryptoStore store = store();
        store.save(changes().account(account("p0", 0)).olmSession(olm("keyB", "s", "p0", 0)).build());
        AtomicReference<String> broken = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            for (int i = 0; i < 2000 && broken.get() == null; i++) {
                long accountStep = store.account().orElseThrow().uploadedOneTimeKeyCount();
                long sessionStep = store.olmSessions("keyB").get(0).lastUsedMs();
                if (sessionStep < accountStep) {
                    broken.set("saw account step " + accountStep + " with session step " + sessionStep);
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 300; i++) {
            store.save(changes().account(account("p" + i, i)).olmSession(olm("keyB", "s", "p" + i, i)).build());
        }
        reader.join();
        assertNull(broken.get(), "a save must be seen whole: the account and the session it made go together");
    }

    @Test
    void aClosedStoreRefusesCalls() throws Exception {
        CryptoStore store = newStore();
        store.close();
        assertThrows(IllegalStateException.class, store::account);
        assertThrows(IllegalStateException.class, () -> store.save(changes().trackedUser(BOB, true).build()));
    }

    /** One changes value with a record of every kind. */
    protected static CryptoChanges everything() {
        return changes().pickleKeyParams(params()).account(account("acct", 42))
                .olmSession(olm("keyB", "s1", "olmPickle", 77))
                .inboundGroupSession(forwarded(ROOM, "g1", 3))
                .outboundGroupSession(outbound(ROOM, "o1", 9))
                .device(device(BOB, BOB_PHONE, LocalTrust.VERIFIED))
                .trackedUser(BOB, true).trackedUser(UserId.of("@carol:example.org"), false)
                .addRequest(request("r1", 5))
                .withheld(new StoredWithheld(OTHER_ROOM, "g2", "k", "m.no_olm", Optional.of("no olm")))
                .keyRequest(new StoredKeyRequest("k1", OTHER_ROOM, "g2", "k", false))
                .decryptionRecord(record("g1", 3, "$e"))
                .olmSession(olmWithHashes("keyC", "s9", List.of("hashA", "hashB")))
                .inboundGroupSession(fromBob(OTHER_ROOM, "g3"))
                .syncToken("s72594_4483_1934")
                .build();
    }

    /** Asserts that {@code store} holds exactly what {@link #everything()} saved. */
    protected static void assertEverything(CryptoStore store) {
        assertEquals(Optional.of(params()), store.pickleKeyParams());
        assertEquals(Optional.of(account("acct", 42)), store.account());
        assertEquals(List.of(olm("keyB", "s1", "olmPickle", 77)), store.olmSessions("keyB"));
        assertEquals(Optional.of(forwarded(ROOM, "g1", 3)), store.inboundGroupSession(ROOM, "g1"));
        assertEquals(Optional.of(outbound(ROOM, "o1", 9)), store.outboundGroupSession(ROOM));
        assertEquals(Map.of(BOB_PHONE, device(BOB, BOB_PHONE, LocalTrust.VERIFIED)), store.devices(BOB));
        assertEquals(Map.of(BOB, true, UserId.of("@carol:example.org"), false), store.trackedUsers());
        assertEquals(List.of(request("r1", 5)), store.pendingRequests());
        assertEquals(Optional.of(new StoredWithheld(OTHER_ROOM, "g2", "k", "m.no_olm", Optional.of("no olm"))),
                store.withheld(OTHER_ROOM, "g2"));
        assertEquals(List.of(new StoredKeyRequest("k1", OTHER_ROOM, "g2", "k", false)), store.keyRequests());
        assertEquals(Optional.of(record("g1", 3, "$e")), store.decryptionRecord(ROOM, "g1", 3));
        assertEquals(List.of(olmWithHashes("keyC", "s9", List.of("hashA", "hashB"))), store.olmSessions("keyC"));
        assertEquals(Optional.of(fromBob(OTHER_ROOM, "g3")), store.inboundGroupSession(OTHER_ROOM, "g3"));
        assertEquals(Optional.of("s72594_4483_1934"), store.syncToken());
    }
}
