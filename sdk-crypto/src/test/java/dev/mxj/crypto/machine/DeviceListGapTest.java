package dev.mxj.crypto.machine;

import dev.mxj.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Device list changes of a sync the machine never saw (a crash between the state store's commit and
 * the machine, a failed hand-over) are caught up with {@code /keys/changes} from the last token the
 * machine kept.
 */
class DeviceListGapTest {
    private final TestNet net = new TestNet();
    private TestNet.Party alice;
    private TestNet.Party bob;

    @BeforeEach
    void setUp() {
        alice = net.party("@alice:example.org", "ALICE1");
        bob = net.party("@bob:example.org", "BOB1");
        alice.machine.updateTrackedUsers(List.of(bob.user));
        alice.settle();
        assertEquals(Optional.of(net.server.token()), alice.store.syncToken(), "each sync's token is kept");
        assertEquals(List.of(), net.server.changesAsked, "a new store has nothing to catch up");
    }

    @AfterEach
    void close() {
        net.close();
    }

    private Optional<OutgoingRequest.KeysChanges> catchUp() {
        return alice.machine.outgoingRequests().stream().filter(OutgoingRequest.KeysChanges.class::isInstance)
                .map(OutgoingRequest.KeysChanges.class::cast).findFirst();
    }

    @Test
    void aSyncLostInACrashIsCaughtUpWithKeysChanges() {
        String kept = alice.store.syncToken().orElseThrow();
        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2"); // bob's device list changes...
        alice.lostSync();                                            // ...in a sync the machine never saw
        alice.restart();
        alice.sync();

        OutgoingRequest.KeysChanges changes = catchUp().orElseThrow();
        assertEquals(kept, changes.from());
        assertEquals(net.server.token(), changes.to());
        assertEquals("GET", changes.method());
        assertEquals("/v3/keys/changes?from=" + kept + "&to=" + net.server.token(), changes.path());
        alice.flush();
        assertTrue(alice.machine.device(bob.user, bob2.device).isPresent(), "bob's new device is known");
        assertEquals(1, net.server.changesAsked.size());
        assertEquals(Optional.empty(), catchUp(), "done");
        assertFalse(alice.store.pendingRequests().stream().anyMatch(r -> r.kind().equals(SyncPosition.KIND)));
    }

    @Test
    void syncsThatFollowOnAskNothing() {
        net.party("@bob:example.org", "BOB2");
        alice.sync();
        alice.flush();
        alice.sync();
        alice.restart();
        alice.sync(); // the same token as the last one kept: nothing was missed
        alice.flush();
        assertEquals(List.of(), net.server.changesAsked);
    }

    @Test
    void aCatchUpNotAnsweredBeforeTheNextCrashIsWidened() {
        String kept = alice.store.syncToken().orElseThrow();
        net.party("@bob:example.org", "BOB2");
        alice.lostSync();
        alice.restart();
        alice.sync();
        assertTrue(catchUp().isPresent());
        alice.restart(); // before the catch-up was sent
        assertEquals(kept, catchUp().orElseThrow().from(), "the catch-up survives a restart");

        net.party("@bob:example.org", "BOB3");
        alice.lostSync();
        alice.sync();
        List<OutgoingRequest> requests = alice.machine.outgoingRequests();
        List<OutgoingRequest.KeysChanges> catchUps = requests.stream()
                .filter(OutgoingRequest.KeysChanges.class::isInstance).map(OutgoingRequest.KeysChanges.class::cast)
                .toList();
        assertEquals(1, catchUps.size(), "one catch-up: " + requests);
        assertEquals(kept, catchUps.get(0).from());
        assertEquals(net.server.token(), catchUps.get(0).to());
        alice.flush();
        assertEquals(Set.of("BOB1", "BOB2", "BOB3"), Set.copyOf(alice.machine.devices(bob.user).keySet().stream()
                .map(d -> d.value()).toList()));
    }

    @Test
    void usersWhoLeftDuringTheGapAreNoLongerTracked() {
        net.server.userLeft(bob.user);
        alice.lostSync();
        alice.restart();
        alice.sync();
        alice.flush();
        assertFalse(alice.machine.trackedUsers().contains(bob.user));
        assertTrue(alice.machine.trackedUsers().contains(alice.user));
    }

    @Test
    void aRefusedCatchUpQueriesEveryTrackedUser() {
        net.party("@bob:example.org", "BOB2");
        alice.lostSync();
        alice.restart();
        alice.sync();
        alice.machine.markRequestAsFailed(catchUp().orElseThrow().id());
        assertTrue(alice.machine.isDirty(bob.user));
        assertTrue(alice.machine.isDirty(alice.user));
        assertEquals(Optional.empty(), catchUp());
        alice.machine.markRequestAsFailed("unknown-id"); // ignored
        alice.flush();
        assertEquals(2, alice.machine.devices(bob.user).size());
    }

    @Test
    void aHandOverThatFailedIsCaughtUpAtTheNextSync() {
        FlakyCryptoStore store = new FlakyCryptoStore();
        TestNet.Party carol = net.party("@carol:example.org", "CAROL1", MachineConfig.defaults(), store);
        carol.machine.updateTrackedUsers(List.of(bob.user));
        carol.settle();
        String kept = store.syncToken().orElseThrow();
        net.party("@bob:example.org", "BOB2");
        store.failNextSave = true;
        assertThrows(StoreException.class, carol::sync);
        assertEquals(Optional.of(kept), store.syncToken(), "nothing of the failed sync was kept");

        carol.machine.receiveSyncChanges(net.server.token() + "_later", List.of(), Set.of(), Set.of(), Map.of(),
                Optional.empty());
        OutgoingRequest.KeysChanges changes = carol.machine.outgoingRequests().stream()
                .filter(OutgoingRequest.KeysChanges.class::isInstance).map(OutgoingRequest.KeysChanges.class::cast)
                .findFirst().orElseThrow();
        assertEquals(kept, changes.from());
    }
}
