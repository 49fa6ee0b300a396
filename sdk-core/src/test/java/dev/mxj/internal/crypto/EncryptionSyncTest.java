package dev.mxj.internal.crypto;

import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.MatrixException;
import dev.mxj.auth.LoginRequest;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.CryptoRequest;
import dev.mxj.spi.CryptoTransport;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.SyncCryptoChanges;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.FakeEncryptionModule;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

import static dev.mxj.internal.sync.SyncJson.member;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.roomState;
import static dev.mxj.internal.sync.SyncJson.sync;
import static dev.mxj.testing.MockHomeserver.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the client hands the encryption module after each sync, and the transport it lends it. */
class EncryptionSyncTest {
    private static final UserId BOB = UserId.of("@bob:example.org");
    private static final UserId CAROL = UserId.of("@carol:example.org");
    private static final RoomId ROOM = RoomId.of("!secret:example.org");

    private final MockHomeserver mock = MockHomeserver.start();
    private final MemoryStateStore store = new MemoryStateStore();
    private final FakeEncryptionModule module = new FakeEncryptionModule();
    private final MatrixClient client;

    EncryptionSyncTest() {
        store.saveSession(mock.session());
        client = mock.builder().stateStore(store).encryption(module).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        mock.close();
    }

    @Test
    void theCryptoPartsOfASyncReachTheModuleAndTheToDeviceInboxIsEmptiedAfterwards() {
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1")
                .toDevice(BOB, "m.room.encrypted", obj("algorithm", "m.olm.v1.curve25519-aes-sha2"))
                .toDevice(BOB, "m.dummy", obj())
                .deviceLists(List.of(BOB), List.of(CAROL))
                .oneTimeKeys("signed_curve25519", 50)
                .fallbackKeyTypes("signed_curve25519")
                .join(ROOM, room -> room.state(roomState("$enc", "m.room.encryption",
                                obj("algorithm", "m.megolm.v1.aes-sha2")),
                        member("$m1", USER, "join", "Alice"), member("$m2", BOB, "invite", "Bob"),
                        member("$m3", CAROL, "leave", "Carol")))
                .json());
        client.sync().syncOnce().join();

        assertEquals(1, module.attaches.get());
        EncryptionContext context = module.context().orElseThrow();
        assertEquals(USER, context.userId());
        assertEquals(MockHomeserver.DEVICE, context.deviceId());
        assertEquals(1, module.syncs.size());
        SyncCryptoChanges handed = module.syncs.get(0);
        assertEquals("s1", handed.nextBatch());
        assertEquals(List.of("m.room.encrypted", "m.dummy"), handed.toDevice().stream().map(e -> e.type()).toList());
        assertEquals(Set.of(BOB), handed.deviceListsChanged());
        assertEquals(Set.of(CAROL), handed.deviceListsLeft());
        assertEquals(Map.of("signed_curve25519", 50L), handed.oneTimeKeysCounts());
        assertEquals(Optional.of(List.of("signed_curve25519")), handed.unusedFallbackKeyTypes());
        assertEquals(Set.of(USER, BOB), handed.encryptedRoomMembers());
        assertEquals(List.of(), store.toDeviceInbox(), "handed-over events leave the inbox");
    }

    @Test
    void aFailingModuleFailsTheSyncAndGetsTheSameToDeviceEventsAgainWithTheNextOnes() {
        module.failNextSync.set(new IllegalStateException("crypto store unavailable"));
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").toDevice(BOB, "m.room_key", obj("n", 1)).json())
                .ok(sync("s2").toDevice(BOB, "m.room_key", obj("n", 2)).json());

        CompletionException failed = assertThrows(CompletionException.class, () -> client.sync().syncOnce().join());
        assertInstanceOf(MatrixException.class, failed.getCause());
        assertTrue(failed.getCause().getMessage().contains("crypto store unavailable"));
        assertEquals(Optional.of("s1"), store.syncToken(), "the sync itself was saved");
        assertEquals(1, store.toDeviceInbox().size(), "its to-device event waits in the inbox");

        client.sync().syncOnce().join();
        SyncCryptoChanges handed = module.syncs.get(0);
        assertEquals(List.of(1L, 2L), handed.toDevice().stream()
                .map(e -> e.raw().object("content").orElseThrow().longValue("n").orElseThrow()).toList());
        assertEquals(List.of(), store.toDeviceInbox());
    }

    @Test
    void theDeviceListChangesOfASyncTheModuleFailedOnGoWithTheNextSync() {
        UserId dave = UserId.of("@dave:example.org");
        module.failNextSync.set(new IllegalStateException("crypto store unavailable"));
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").deviceLists(List.of(BOB, CAROL), List.of(dave)).json())
                .ok(sync("s2").deviceLists(List.of(dave), List.of(CAROL)).json());

        assertThrows(CompletionException.class, () -> client.sync().syncOnce().join());
        client.sync().syncOnce().join();
        SyncCryptoChanges handed = module.syncs.get(0);
        assertEquals("s2", handed.nextBatch());
        assertEquals(Set.of(BOB, dave), handed.deviceListsChanged(), "s1's changes, and dave came back in s2");
        assertEquals(Set.of(CAROL), handed.deviceListsLeft(), "carol changed in s1 but left in s2");
    }

    @Test
    void aSyncWithNothingForTheModuleStillAttachesItButHandsNothingOver() {
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").json());
        client.sync().syncOnce().join();
        assertEquals(1, module.attaches.get());
        assertEquals(List.of(), module.syncs);
    }

    @Test
    void theLentTransportSendsWithTheSessionEncodesSegmentsAndReportsErrorsAsMatrixExceptions() throws Exception {
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").json());
        client.sync().syncOnce().join();
        mock.take();
        mock.take();
        CryptoTransport transport = module.context().orElseThrow().transport();

        mock.ok("{\"one_time_key_counts\":{\"signed_curve25519\":10}}");
        RawJson answer = transport.send(CryptoRequest.post("/_matrix/client/v3/keys/upload",
                RawJson.parse("{\"one_time_keys\":{}}"))).join();
        assertEquals(Optional.of(10L), answer.object("one_time_key_counts").orElseThrow().longValue("signed_curve25519"));
        RecordedRequest upload = mock.take();
        assertEquals("POST", upload.getMethod());
        assertEquals("/_matrix/client/v3/keys/upload", upload.getUrl().encodedPath());
        assertEquals("Bearer " + MockHomeserver.ACCESS_TOKEN, upload.getHeaders().get("Authorization"));
        assertEquals(RawJson.parse("{\"one_time_keys\":{}}"), RawJson.parse(upload.getBody().utf8()));

        mock.ok("{}");
        transport.send(CryptoRequest.put("/_matrix/client/v3/sendToDevice", RawJson.parse("{\"messages\":{}}"),
                "m.room.encrypted", "txn/1")).join();
        assertEquals("/_matrix/client/v3/sendToDevice/m.room.encrypted/txn%2F1", mock.take().getUrl().encodedPath());

        mock.ok("{\"changed\":[],\"left\":[]}");
        transport.send(CryptoRequest.get("/_matrix/client/v3/keys/changes", Map.of("from", "s0", "to", "s1"))).join();
        RecordedRequest changes = mock.take();
        assertEquals("GET", changes.getMethod());
        assertEquals("s0", changes.getUrl().queryParameter("from"));
        assertEquals("s1", changes.getUrl().queryParameter("to"));

        mock.error(400, "M_INVALID_PARAM", "bad keys");
        CompletionException refused = assertThrows(CompletionException.class, () -> transport.send(
                CryptoRequest.post("/_matrix/client/v3/keys/claim", RawJson.parse("{}"))).join());
        assertEquals("M_INVALID_PARAM", assertInstanceOf(MatrixApiException.class, refused.getCause())
                .errorCode().value());
    }

    @Test
    void cryptoRequestsRefuseWhatCoreWouldNotSend() {
        assertThrows(IllegalArgumentException.class, () -> new CryptoRequest("DELETE", "/_matrix/client/v3/x",
                List.of(), Map.of(), Optional.empty(), true));
        assertThrows(IllegalArgumentException.class, () -> CryptoRequest.post("keys/upload", RawJson.emptyObject()));
        assertThrows(IllegalArgumentException.class, () -> CryptoRequest.post("/_matrix/client/v3/keys/upload",
                RawJson.parse("[1]")));
        assertTrue(CryptoRequest.post("/_matrix/client/v3/keys/query", RawJson.emptyObject()).asRepeatable()
                .repeatable());
        assertEquals("CryptoRequest[PUT /_matrix/client/v3/sendToDevice/m.room_key/t1]",
                CryptoRequest.put("/_matrix/client/v3/sendToDevice", RawJson.parse("{\"secret\":1}"), "m.room_key",
                        "t1").toString(), "no body in logs");
    }

    @Test
    void aRestoredSessionAttachesTheModuleAtOnceAndALoginAttachesItForTheNewDevice() {
        assertEquals(1, module.attaches.get(), "attached when the client was built");
        FakeEncryptionModule fresh = new FakeEncryptionModule();
        try (MatrixClient loggedOut = mock.builder().encryption(fresh).build()) {
            assertEquals(0, fresh.attaches.get(), "no session, nothing to attach to");
            mock.ok("{\"user_id\":\"@bob:example.org\",\"access_token\":\"tok\",\"device_id\":\"NEWDEVICE\"}");
            loggedOut.auth().login(LoginRequest.password("bob", "pw")).join();
            long deadline = System.currentTimeMillis() + 5000;
            while (fresh.attaches.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(DeviceId.of("NEWDEVICE"), fresh.context().orElseThrow().deviceId());
            assertEquals(BOB, fresh.context().orElseThrow().userId());
        }
    }

    @Test
    void logoutDetachesTheModule() {
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").json());
        client.sync().syncOnce().join();
        mock.ok("{}");
        client.auth().logout().join();
        long deadline = System.currentTimeMillis() + 5000;
        while (module.detaches.get() == 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, module.detaches.get());
        client.close();
        assertEquals(1, module.detaches.get(), "closing after logout detaches nothing more");
    }
}
