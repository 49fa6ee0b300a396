package dev.mxj.internal.crypto;

import dev.mxj.event.Decrypted;
import dev.mxj.event.DecryptionResult;
import dev.mxj.event.DeviceTrust;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.event.SenderDevice;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.RoomDecryption;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.json;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.room;
import static dev.mxj.testing.SyncBuilders.roomEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecryptedEventsTest {
    private static final RoomId ROOM = room(1);
    private static final SenderDevice ALICE_PHONE = new SenderDevice(ALICE, Optional.of(DeviceId.of("PHONE")),
            "curve", DeviceTrust.UNVERIFIED);

    @Test
    void theDecryptedEventHasTheEnvelopeOfTheEncryptedOneAndTheTypeAndContentOfThePlaintext() {
        RoomEvent encrypted = encrypted(obj("algorithm", "m.megolm.v1.aes-sha2", "ciphertext", "AAAA",
                "session_id", "S1"));
        DecryptionResult result = decrypt(encrypted, obj("type", "m.room.message", "room_id", ROOM.value(),
                "content", obj("msgtype", "m.text", "body", "hello")), ALICE_PHONE);

        Decrypted decrypted = assertInstanceOf(Decrypted.class, result);
        RoomEvent event = decrypted.event();
        assertEquals(encrypted.eventId(), event.eventId());
        assertEquals(ALICE, event.sender());
        assertEquals(encrypted.originServerTs(), event.originServerTs());
        assertEquals("m.room.message", event.type());
        assertEquals("hello", assertInstanceOf(RoomMessageContent.class, event.content()).body());
        assertEquals(Optional.of("txn1"), event.unsigned().string("transaction_id"));
        assertEquals(encrypted, decrypted.encrypted());
        assertEquals(ALICE_PHONE, decrypted.sender());
    }

    @Test
    void aRelationLeftInTheClearIsKeptUnlessThePlaintextHasOne() {
        Map<String, Object> clear = obj("rel_type", "m.replace", "event_id", "$orig");
        RoomEvent encrypted = encrypted(obj("algorithm", "m.megolm.v1.aes-sha2", "ciphertext", "AAAA",
                "session_id", "S1", "m.relates_to", clear));
        Decrypted kept = assertInstanceOf(Decrypted.class, decrypt(encrypted, obj("type", "m.room.message",
                "room_id", ROOM.value(), "content", obj("msgtype", "m.text", "body", "* edit")), ALICE_PHONE));
        assertEquals(Optional.of("$orig"), content(kept).object("m.relates_to").flatMap(r -> r.string("event_id")));

        Decrypted own = assertInstanceOf(Decrypted.class, decrypt(encrypted, obj("type", "m.reaction",
                "room_id", ROOM.value(), "content", obj("m.relates_to", obj("rel_type", "m.annotation",
                        "event_id", "$other", "key", "👍"))), ALICE_PHONE));
        assertEquals(Optional.of("$other"), content(own).object("m.relates_to").flatMap(r -> r.string("event_id")));
    }

    @Test
    void plaintextOfAnotherRoomOrWithoutRoomIsRefused() {
        RoomEvent encrypted = encrypted(obj("algorithm", "m.megolm.v1.aes-sha2", "ciphertext", "AAAA"));
        assertMismatch(decrypt(encrypted, obj("type", "m.room.message", "room_id", room(2).value(),
                "content", obj("body", "x")), ALICE_PHONE));
        assertMismatch(decrypt(encrypted, obj("type", "m.room.message", "content", obj("body", "x")), ALICE_PHONE));
    }

    @Test
    void aSessionOfAnotherUserIsRefused() {
        RoomEvent encrypted = encrypted(obj("algorithm", "m.megolm.v1.aes-sha2", "ciphertext", "AAAA"));
        SenderDevice bobs = new SenderDevice(BOB, Optional.empty(), "curve", DeviceTrust.VERIFIED);
        UnableToDecrypt utd = assertMismatch(decrypt(encrypted, obj("type", "m.room.message",
                "room_id", ROOM.value(), "content", obj("body", "x")), bobs));
        assertTrue(utd.message().contains(BOB.value()));
    }

    @Test
    void plaintextThatIsNotAnEventIsRefused() {
        RoomEvent encrypted = encrypted(obj("algorithm", "m.megolm.v1.aes-sha2", "ciphertext", "AAAA"));
        assertMismatch(decrypt(encrypted, obj("room_id", ROOM.value(), "content", obj("body", "x")), ALICE_PHONE));
        assertMismatch(decrypt(encrypted, obj("type", "m.room.message", "room_id", ROOM.value(),
                "content", "not an object"), ALICE_PHONE));
        assertMismatch(decrypt(encrypted, obj("type", "", "room_id", ROOM.value(), "content", obj()), ALICE_PHONE));
    }

    @Test
    void theClearRelationIsAddedToEncryptedContentUnlessTheModuleDidIt() {
        RawJson plaintext = json(obj("body", "* edit", "m.relates_to", obj("rel_type", "m.replace",
                "event_id", "$orig")));
        RawJson bare = json(obj("algorithm", "m.megolm.v1.aes-sha2", "ciphertext", "AAAA"));
        assertEquals(Optional.of("$orig"), E2ee.withRelation(bare, plaintext).object("m.relates_to")
                .flatMap(r -> r.string("event_id")));
        RawJson already = json(obj("algorithm", "m.megolm.v1.aes-sha2", "m.relates_to", obj("event_id", "$x")));
        assertEquals(already, E2ee.withRelation(already, plaintext));
        assertEquals(bare, E2ee.withRelation(bare, json(obj("body", "no relation"))));
    }

    private static RawJson content(Decrypted decrypted) {
        return decrypted.event().raw().object("content").orElseThrow();
    }

    private static UnableToDecrypt assertMismatch(DecryptionResult result) {
        UnableToDecrypt utd = assertInstanceOf(UnableToDecrypt.class, result);
        assertEquals(UnableToDecrypt.Reason.MISMATCHED_PLAINTEXT, utd.reason());
        return utd;
    }

    private static DecryptionResult decrypt(RoomEvent encrypted, Map<String, Object> plaintext, SenderDevice device) {
        return DecryptedEvents.of(ROOM, encrypted, new RoomDecryption.Success(json(plaintext), device),
                EventRegistry.defaults());
    }

    private static RoomEvent encrypted(Map<String, Object> content) {
        return roomEvent(obj("type", "m.room.encrypted", "event_id", "$enc", "sender", ALICE.value(),
                "origin_server_ts", 1_700_000_000_123L, "room_id", ROOM.value(), "content", content,
                "unsigned", obj("transaction_id", "txn1")));
    }
}
