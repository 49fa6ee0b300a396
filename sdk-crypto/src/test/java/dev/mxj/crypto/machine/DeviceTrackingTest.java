package dev.mxj.crypto.machine;

import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tracked users, /keys/query, and the checks that refuse forged or inconsistent device keys. */
class DeviceTrackingTest {
    private final TestNet net = new TestNet();

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void aTrackedUserIsQueriedAndItsDevicesKept() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        alice.machine.updateTrackedUsers(List.of(bob.user));
        assertTrue(alice.machine.isDirty(bob.user));

        OutgoingRequest.KeysQuery query = alice.machine.outgoingRequests().stream()
                .filter(OutgoingRequest.KeysQuery.class::isInstance).map(OutgoingRequest.KeysQuery.class::cast)
                .findFirst().orElseThrow();
        Map<String, Object> body = Json.asObject(query.body().tree()).orElseThrow();
        assertEquals(Set.of("@bob:example.org"), Json.object(body, "device_keys").keySet(),
                "only the dirty user (our own user was queried when the machine started)");
        assertTrue(alice.machine.trackedUsers().contains(alice.user), "our own user is always tracked");
        assertEquals(List.of(), Json.object(body, "device_keys").get("@bob:example.org"));
        assertEquals("/v3/keys/query", query.path());

        alice.flush();
        assertFalse(alice.machine.isDirty(bob.user));
        StoredDevice device = alice.machine.device(bob.user, bob.device).orElseThrow();
        assertEquals(bob.machine.identityKeys().curve25519(), device.curve25519());
        assertEquals(bob.machine.identityKeys().ed25519(), device.ed25519());
        assertEquals(LocalTrust.UNVERIFIED, device.trust());
        assertEquals(Optional.empty(), alice.machine.device(alice.user, alice.device), "our own device is not stored");
    }

    @Test
    void aDeviceWhoseSelfSignatureFailsIsRefused() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        Map<String, Object> keys = net.server.deviceKeys(bob.user, bob.device);
        Map<String, Object> inner = new LinkedHashMap<>(Json.object(keys, "keys"));
        try (RawOlmPeer eve = new RawOlmPeer("@eve:example.org", "EVE")) {
            inner.put("curve25519:BOB1", eve.curve()); // a swapped Curve25519 key: the signature no longer covers it
        }
        keys.put("keys", inner);
        alice.machine.updateTrackedUsers(List.of(bob.user));
        alice.flush();
        assertEquals(Map.of(), alice.machine.devices(bob.user));
    }

    @Test
    void aDeviceSignedByAnotherKeyIsRefused() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        try (RawOlmPeer eve = new RawOlmPeer("@bob:example.org", "BOB1"); RawOlmPeer other = new RawOlmPeer("@bob:example.org", "BOB1")) {
            Map<String, Object> keys = eve.deviceKeys();
            // eve's keys, but the signature of another account
            keys.put("signatures", other.deviceKeys().get("signatures"));
            net.server.putDeviceKeys(eve.user, eve.device, keys);
            alice.machine.updateTrackedUsers(List.of(eve.user));
            alice.flush();
            assertEquals(Map.of(), alice.machine.devices(eve.user));
        }
    }

    @Test
    void aDeviceListedUnderAnotherUserOrDeviceIdIsRefused() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        try (RawOlmPeer bob = new RawOlmPeer("@bob:example.org", "BOB1");
             RawOlmPeer carol = new RawOlmPeer("@carol:example.org", "CAROL1")) {
            bob.upload(net.server);
            net.server.putDeviceKeys(bob.user, DeviceId.of("IMPOSTOR"), bob.deviceKeys()); // correct signature, wrong id
            net.server.putDeviceKeys(UserId.of("@dave:example.org"), carol.device, carol.deviceKeys()); // wrong user
            alice.machine.updateTrackedUsers(List.of(bob.user, UserId.of("@dave:example.org")));
            alice.flush();
            assertEquals(Set.of(bob.device), alice.machine.devices(bob.user).keySet());
            assertEquals(Map.of(), alice.machine.devices(UserId.of("@dave:example.org")));
        }
    }

    @Test
    void aKnownDeviceCannotChangeItsEd25519Key() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        try (RawOlmPeer bob = new RawOlmPeer("@bob:example.org", "BOB1");
             RawOlmPeer reused = new RawOlmPeer("@bob:example.org", "BOB1")) {
            bob.upload(net.server);
            alice.machine.updateTrackedUsers(List.of(bob.user));
            alice.flush();
            assertEquals(bob.ed(), alice.machine.device(bob.user, bob.device).orElseThrow().ed25519());

            reused.upload(net.server); // the same device id, new keys
            alice.sync();
            alice.flush();
            assertEquals(bob.ed(), alice.machine.device(bob.user, bob.device).orElseThrow().ed25519(),
                    "the first keys stay; the new ones are refused");
        }
    }

    @Test
    void deviceListChangesMakeUsersDirtyAndRemovedDevicesAreFlagged() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        alice.machine.updateTrackedUsers(List.of(bob.user));
        alice.settle();
        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2");
        alice.sync();
        assertTrue(alice.machine.isDirty(bob.user), "device_lists.changed made bob dirty");
        alice.flush();
        assertEquals(Set.of(bob.device, bob2.device), alice.machine.devices(bob.user).keySet());

        net.server.deleteDevice(bob.user, bob2.device);
        alice.sync();
        alice.flush();
        assertTrue(alice.machine.device(bob.user, bob2.device).orElseThrow().deleted());
        assertFalse(alice.machine.device(bob.user, bob.device).orElseThrow().deleted());
    }

    @Test
    void leftUsersAreNoLongerTrackedAndGapsTriggerQueries() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        alice.machine.updateTrackedUsers(List.of(bob.user));
        alice.settle();
        alice.machine.receiveSyncChanges(List.of(), Set.of(), Set.of(bob.user, alice.user), Map.of(), Optional.empty());
        assertFalse(alice.machine.trackedUsers().contains(bob.user), "bob shares no encrypted room any more");
        assertTrue(alice.machine.trackedUsers().contains(alice.user), "our own user is always tracked");
        assertTrue(alice.machine.device(bob.user, bob.device).isPresent(), "his devices stay known");
        alice.machine.updateTrackedUsers(List.of(bob.user));
        assertTrue(alice.machine.isDirty(bob.user), "tracked again when he shares a room again: queried first");
        alice.flush();
        assertFalse(alice.machine.isDirty(bob.user));

        alice.machine.markAllTrackedUsersDirty();
        OutgoingRequest.KeysQuery query = assertInstanceOf(OutgoingRequest.KeysQuery.class,
                alice.machine.outgoingRequests().get(0));
        assertEquals(Set.of(alice.user, bob.user), query.users());
    }

    @Test
    void aUserDirtiedWhileItsQueryRunsStaysDirty() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        alice.machine.updateTrackedUsers(List.of(bob.user));
        OutgoingRequest query = alice.machine.outgoingRequests().get(0);
        dev.mxj.json.RawJson answer = net.server.handle(alice.key(), query);
        alice.machine.receiveSyncChanges(List.of(), Set.of(bob.user), Set.of(), Map.of(), Optional.empty());
        alice.machine.markRequestAsSent(query.id(), answer);
        assertTrue(alice.machine.isDirty(bob.user), "the answer predates the change");
    }

}
