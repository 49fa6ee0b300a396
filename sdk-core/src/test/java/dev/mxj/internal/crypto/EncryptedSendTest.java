package dev.mxj.internal.crypto;

import dev.mxj.EncryptionUnavailableException;
import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Room;
import dev.mxj.send.SendHandle;
import dev.mxj.send.SendState;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.QueuedSend;
import dev.mxj.testing.FakeEncryptionModule;
import dev.mxj.testing.MockHomeserver;
import dev.mxj.testing.Pause;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static dev.mxj.internal.sync.SyncJson.member;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.roomState;
import static dev.mxj.internal.sync.SyncJson.sync;
import static dev.mxj.testing.MockHomeserver.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The send queue in encrypted rooms, against the spec's request shapes. */
class EncryptedSendTest {
    private static final RoomId ROOM = RoomId.of("!secret:example.org");
    private static final UserId BOB = UserId.of("@bob:example.org");
    private static final UserId CAROL = UserId.of("@carol:example.org");
    private static final UserId DAVE = UserId.of("@dave:example.org");
    private static final String MEMBERS = "{\"chunk\":["
            + memberJson(USER, "join") + "," + memberJson(BOB, "join") + "," + memberJson(CAROL, "invite") + ","
            + memberJson(DAVE, "ban") + "]}";

    private final MockHomeserver mock = MockHomeserver.start();
    private final MemoryStateStore store = new MemoryStateStore();
    private MatrixClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        mock.close();
    }

    @Test
    void anEventIsEncryptedAtSendTimeForTheMembersWhoMayReadItAndNoPlaintextIsLogged() {
        FakeEncryptionModule module = new FakeEncryptionModule();
        String log = capturingLogs(() -> {
            client = synced(module, "shared");
            Room room = client.rooms().roomById(ROOM);
            mock.ok(MEMBERS).ok("{}").ok("{\"event_id\":\"$e1\"}");
            SendHandle first = room.sendText("top SECRET plaintext");
            assertEquals(EventId.of("$e1"), await(first.sent()));

            RecordedRequest members = mock.take();
            assertEquals("/_matrix/client/v3/rooms/" + ROOM.value() + "/members", decoded(members));
            assertEquals("leave", members.getUrl().queryParameter("not_membership"));
            assertEquals("/_matrix/client/v3/sendToDevice/" + FakeEncryptionModule.KEY_EVENT, decoded(mock.take())
                    .replaceAll("/[^/]+$", ""), "the module shares its key through the lent transport");
            RecordedRequest put = mock.take();
            assertEquals("PUT", put.getMethod());
            assertEquals("/_matrix/client/v3/rooms/" + ROOM.value() + "/send/m.room.encrypted/"
                    + first.transactionId(), decoded(put));
            RawJson body = RawJson.parse(put.getBody().utf8());
            assertEquals(Optional.of("m.megolm.v1.aes-sha2"), body.string("algorithm"));
            assertTrue(body.string("ciphertext").isPresent());
            assertFalse(body.json().contains("SECRET"), "the PUT carries no plaintext");
            assertEquals(Set.of(USER, BOB, CAROL), module.encrypted.get(0).recipients(),
                    "joined and invited members; not the banned one");
            assertEquals(first.transactionId(), module.encrypted.get(0).transactionId());
            assertEquals(Optional.of("m.room.message"), Optional.of(module.encrypted.get(0).eventType()));

            mock.ok("{\"event_id\":\"$e2\"}").ok("{\"event_id\":\"$r1\"}");
            SendHandle edit = room.edit(EventId.of("$e1"), "a SECRET edit");
            await(edit.sent());
            RawJson editBody = RawJson.parse(mock.take().getBody().utf8());
            assertEquals(Optional.of("$e1"), editBody.object("m.relates_to").flatMap(r -> r.string("event_id")),
                    "the relation stays in the clear, the member list is not fetched again");
            assertEquals(Optional.of("m.replace"), editBody.object("m.relates_to").flatMap(r -> r.string("rel_type")));
            assertFalse(editBody.json().contains("SECRET"));

            SendHandle redaction = room.redact(EventId.of("$e1"), Optional.of("oops"));
            await(redaction.sent());
            RecordedRequest redact = mock.take();
            assertTrue(decoded(redact).contains("/redact/$e1/"), "redactions are not encrypted");
            assertEquals(2, module.encrypted.size());

            List<QueuedSend> queued = store.queuedSends(ROOM);
            queued.forEach(q -> assertFalse(q.eventType().equals("m.room.encrypted"),
                    "the queue keeps the plaintext event, encrypted only on the way out"));
        });
        assertTrue(log.contains("DEBUG") || log.contains("INFO"), "logging was not captured");
        assertFalse(log.contains("SECRET"), "plaintext reached the log:\n" + log);
    }

    @Test
    void historyVisibilityJoinedLeavesInvitedMembersOut() {
        FakeEncryptionModule module = new FakeEncryptionModule();
        client = synced(module, "joined");
        mock.ok(MEMBERS).ok("{}").ok("{\"event_id\":\"$e1\"}");
        await(client.rooms().roomById(ROOM).sendText("hi").sent());
        assertEquals(Set.of(USER, BOB), module.encrypted.get(0).recipients());
    }

    @Test
    void withoutAModuleAnEncryptedRoomRefusesEventsAndNothingIsSent() {
        client = synced(null, "shared");
        assertFalse(client.encryptionEnabled());
        int before = mock.requestCount();
        EncryptionUnavailableException refused = assertThrows(EncryptionUnavailableException.class,
                () -> client.rooms().roomById(ROOM).sendText("plaintext"));
        assertTrue(refused.getMessage().contains("dev.mxj:sdk-crypto"), refused.getMessage());

        RoomId unsynced = RoomId.of("!new:example.org");
        mock.encryptedRoom(unsynced.value(), "{\"algorithm\":\"m.megolm.v1.aes-sha2\"}");
        SendHandle handle = client.rooms().roomById(unsynced).sendText("also plaintext");
        eventually(() -> handle.state() instanceof SendState.Failed, "the send failed");
        SendState.Failed failed = (SendState.Failed) handle.state();
        assertInstanceOf(EncryptionUnavailableException.class, failed.error().getCause());
        assertEquals(before, mock.requestCount(), "no event was PUT");
        assertEquals(1, mock.encryptionChecks(), "the server was asked whether the unsynced room is encrypted");
    }

    @Test
    void aRoomNotSyncedYetIsCheckedWithTheServerAndEncryptedIfItIs() {
        FakeEncryptionModule module = new FakeEncryptionModule();
        client = synced(module, "shared");
        RoomId fresh = RoomId.of("!fresh:example.org");
        mock.encryptedRoom(fresh.value(), "{\"algorithm\":\"m.megolm.v1.aes-sha2\",\"rotation_period_msgs\":5}");
        mock.ok(MEMBERS).ok("{}").ok("{\"event_id\":\"$e1\"}");
        SendHandle handle = client.rooms().roomById(fresh).sendText("hello");
        await(handle.sent());
        mock.take();
        mock.take();
        assertTrue(decoded(mock.take()).contains("/send/m.room.encrypted/"));
        assertEquals(Optional.of(5L), module.encrypted.get(0).settings().rotationPeriodMsgs());
        assertTrue(client.rooms().roomById(fresh).isEncrypted(), "the answer is remembered");
    }

    @Test
    void aRestartEncryptsTheStoredPlaintextAgainWithTheSameTransactionId() {
        FakeEncryptionModule stalled = new FakeEncryptionModule();
        stalled.beforeEncrypt = new CompletableFuture<>();
        client = synced(stalled, "shared");
        mock.ok(MEMBERS);
        SendHandle handle = client.rooms().roomById(ROOM).sendText("survives a restart");
        String txn = handle.transactionId();
        // Let the first client's member fetch finish before it closes, so that the restarted client's
        // requests meet the responses queued for them below.
        assertTrue(decoded(mock.take()).endsWith("/members"), "the queue fetches the members before encrypting");
        client.close();
        assertEquals(Optional.of("survives a restart"), store.queuedSends(ROOM).get(0).content().string("body"),
                "the store keeps the plaintext to encrypt again");

        FakeEncryptionModule next = new FakeEncryptionModule();
        // The restarted queue first looks the event up (it may have reached the server), then encrypts it.
        mock.ok("{\"next_batch\":\"s2\",\"rooms\":{}}").ok(MEMBERS).ok("{}").ok("{\"event_id\":\"$e1\"}");
        client = mock.builder().stateStore(store).encryption(next).build();
        assertEquals("/_matrix/client/v3/sync", decoded(mock.take()));
        mock.take();
        mock.take();
        RecordedRequest put = mock.take();
        assertEquals("/_matrix/client/v3/rooms/" + ROOM.value() + "/send/m.room.encrypted/" + txn, decoded(put));
        assertEquals(1, next.encrypted.size());
    }

    /** A client whose store holds ROOM (joined, encrypted, history visibility as given) after one sync. */
    private MatrixClient synced(FakeEncryptionModule module, String historyVisibility) {
        store.saveSession(mock.session());
        MatrixClient.Builder builder = mock.builder().stateStore(store);
        if (module != null) {
            builder.encryption(module);
        }
        MatrixClient c = builder.build();
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").join(ROOM, room -> room.state(
                roomState("$enc", "m.room.encryption", obj("algorithm", "m.megolm.v1.aes-sha2")),
                roomState("$hv", "m.room.history_visibility", obj("history_visibility", historyVisibility)),
                member("$m1", USER, "join", "Alice"))).json());
        c.sync().syncOnce().join();
        mock.take();
        mock.take();
        return c;
    }

    private static String memberJson(UserId user, String membership) {
        return "{\"type\":\"m.room.member\",\"state_key\":\"" + user.value() + "\",\"sender\":\"" + user.value()
                + "\",\"event_id\":\"$m" + user.value().substring(1, user.value().indexOf(':')) + "\",\"origin_server_ts\":1,\"content\":{\"membership\":\""
                + membership + "\"}}";
    }

    private static String decoded(RecordedRequest request) {
        return "/" + String.join("/", request.getUrl().pathSegments());
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(5, TimeUnit.SECONDS).join();
    }

    private static void eventually(BooleanSupplier condition, String what) {
        Pause.assertEventually(what, Duration.ofSeconds(5), condition);
    }

    private static String capturingLogs(Runnable body) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
