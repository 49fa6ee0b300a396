package dev.mxj.spi;

import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Set;

/**
 * An event to encrypt, for {@link EncryptionModule#encrypt}.
 *
 * @param roomId      the room
 * @param settings    the room's {@code m.room.encryption} content: algorithm and rotation periods
 * @param recipients  who may read it: the joined members, plus the invited ones unless the room's
 *                    {@code m.room.history_visibility} is {@code joined}; the sender's own user included
 * @param eventType   the plaintext event's type, e.g. {@code m.room.message}
 * @param content     the plaintext content
 * @param transactionId the send queue's transaction ID of the event: the same on every attempt
 */
public record RoomEncryptionRequest(RoomId roomId, RoomEncryptionContent settings, Set<UserId> recipients,
                                    String eventType, RawJson content, String transactionId) {
    public RoomEncryptionRequest {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(settings, "settings");
        recipients = Set.copyOf(recipients);
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(transactionId, "transactionId");
    }

    /** No content in the text form: it is plaintext. */
    @Override
    public String toString() {
        return "RoomEncryptionRequest[" + roomId + ", " + eventType + ", " + recipients.size() + " recipients]";
    }
}
