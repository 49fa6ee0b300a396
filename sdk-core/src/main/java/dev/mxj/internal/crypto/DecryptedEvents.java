package dev.mxj.internal.crypto;

import dev.mxj.event.Decrypted;
import dev.mxj.event.DecryptionResult;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.RoomDecryption;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a module's plaintext into the decrypted event: the envelope of the encrypted event (ID,
 * sender, time, {@code unsigned}) with the plaintext's type and content. The plaintext must name this
 * room and be an event; the device must belong to the sender. A relation the sender left
 * unencrypted is kept when the plaintext has none. Sans-I/O.
 */
final class DecryptedEvents {
    static final String RELATES_TO = "m.relates_to";

    private DecryptedEvents() {
    }

    static DecryptionResult of(RoomId room, RoomEvent encrypted, RoomDecryption.Success success,
                               EventRegistry registry) {
        RawJson plaintext = success.plaintext();
        Optional<String> type = plaintext.string("type");
        Optional<RawJson> content = plaintext.object("content");
        if (type.isEmpty() || type.get().isEmpty() || content.isEmpty()) {
            return mismatch("The decrypted payload is not an event (no type or no content object)");
        }
        if (!plaintext.string("room_id").filter(room.value()::equals).isPresent()) {
            return mismatch("The decrypted payload belongs to another room (or names none): refused");
        }
        if (!success.sender().userId().equals(encrypted.sender())) {
            return mismatch("The session belongs to " + success.sender().userId() + ", not to the sender "
                    + encrypted.sender() + ": refused");
        }
        Map<String, Object> event = copy(encrypted.raw());
        event.put("type", type.get());
        event.put("content", contentWithRelation(content.get(), encrypted.raw()));
        SyncEvent parsed = registry.parseRoomEvent(RawJson.ofTree(event));
        if (!(parsed instanceof RoomEvent decrypted)) {
            return mismatch("The decrypted event does not parse as a room event");
        }
        return new Decrypted(decrypted, encrypted, success.sender());
    }

    private static Object contentWithRelation(RawJson content, RawJson encryptedEvent) {
        Optional<RawJson> clearRelation = encryptedEvent.object("content").flatMap(c -> c.object(RELATES_TO));
        if (clearRelation.isEmpty() || content.has(RELATES_TO)) {
            return content.tree();
        }
        Map<String, Object> withRelation = copy(content);
        withRelation.put(RELATES_TO, clearRelation.get().tree());
        return withRelation;
    }

    private static Map<String, Object> copy(RawJson object) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (object.tree() instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    private static UnableToDecrypt mismatch(String message) {
        return new UnableToDecrypt(UnableToDecrypt.Reason.MISMATCHED_PLAINTEXT, message);
    }
}
