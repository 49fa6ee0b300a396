package dev.mxj.crypto.machine;

import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.event.DeviceTrust;
import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.event.UnknownContent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.CryptoRequest;
import dev.mxj.spi.RoomDecryption;
import dev.mxj.spi.RoomEncryptionRequest;
import dev.mxj.spi.RoomKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.crypto.machine.ModuleClients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EncryptionModule adapter: the machine driven through the SPI, its HTTP through a transport. */
class OlmEncryptionModuleTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final ModuleClients net = new ModuleClients();

    @AfterEach
    void close() {
        net.close();
    }

    private ModuleClients.Client client(String user, String device) {
        return net.client(user, device);
    }

    @Test
    void encryptsThroughTheTransportAndTheOtherModuleDecrypts() {
        ModuleClients.Client alice = client("@alice:example.org", "ALICE1");
        ModuleClients.Client bob = client("@bob:example.org", "BOB1");
        await(() -> net.sent.stream().filter(r -> r.path().endsWith("/keys/upload")).count() == 2); // attach uploads
        Set<UserId> members = Set.of(alice.user, bob.user);

        RawJson content = alice.module.encrypt(new RoomEncryptionRequest(ROOM,
                new RoomEncryptionContent(RoomEncryptionContent.MEGOLM_V1, Optional.empty(), Optional.empty()),
                members, "m.room.message", RawJson.parse("{\"msgtype\":\"m.text\",\"body\":\"hi bob\"}"), "txn1"))
                .join();
        assertEquals(Optional.of("m.megolm.v1.aes-sha2"), content.string("algorithm"));
        assertTrue(net.sent.stream().anyMatch(r -> r.path().endsWith("/keys/claim")));
        CryptoRequest toDevice = net.sent.stream().filter(r -> r.path().endsWith("/sendToDevice")).findFirst().orElseThrow();
        assertEquals("m.room.encrypted", toDevice.segments().get(0));
        assertEquals("PUT", toDevice.method());

        bob.sync(members);
        assertEquals(List.of(new RoomKeys(ROOM, Set.of(content.string("session_id").orElseThrow()))), bob.announced);
        await(() -> bob.module.machine().orElseThrow().device(alice.user, alice.device).isPresent());
        RoomEvent event = new RoomEvent(EventId.of("$1"), "m.room.encrypted", alice.user, 1, Optional.empty(),
                new UnknownContent("m.room.encrypted", content), Json.raw(Json.obj("event_id", "$1", "type",
                "m.room.encrypted", "sender", alice.user.value(), "origin_server_ts", 1L, "content", content)));
        RoomDecryption.Success ok = assertInstanceOf(RoomDecryption.Success.class,
                bob.module.decrypt(ROOM, event).join());
        assertEquals(Optional.of("hi bob"), ok.plaintext().object("content").orElseThrow().string("body"));
        assertEquals(Optional.of(ROOM.value()), ok.plaintext().string("room_id"));
        assertEquals(Optional.of(alice.device), ok.sender().deviceId());
        assertEquals(DeviceTrust.UNVERIFIED, ok.sender().trust());

        RoomEvent replay = new RoomEvent(EventId.of("$2"), event.type(), event.sender(), 1, Optional.empty(),
                event.content(), TestNet.withEventId(event.raw(), "$2"));
        RoomDecryption.Failure failure = assertInstanceOf(RoomDecryption.Failure.class,
                bob.module.decrypt(ROOM, replay).join());
        assertEquals(UnableToDecrypt.Reason.REPLAYED, failure.error().reason());
    }

    @Test
    void aModuleNotAttachedFailsItsFutures() {
        OlmEncryptionModule module = OlmEncryptionModule.builder(TestNet.OLM).build();
        assertTrue(module.decrypt(ROOM, new RoomEvent(EventId.of("$1"), "m.room.encrypted", UserId.of("@a:x"), 1,
                Optional.empty(), new UnknownContent("m.room.encrypted", RawJson.emptyObject()),
                RawJson.emptyObject())).isCompletedExceptionally());
        assertTrue(module.machine().isEmpty());
    }
}
