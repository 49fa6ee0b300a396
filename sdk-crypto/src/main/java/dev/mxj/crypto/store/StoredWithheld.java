package dev.mxj.crypto.store;

import dev.mxj.id.RoomId;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@code m.room_key.withheld} notice we received: why a room key will not come.
 *
 * @param roomId    the room
 * @param sessionId the Megolm session id
 * @param senderKey the Curve25519 key of the device that withheld it
 * @param code      the code, e.g. {@code m.unverified}
 * @param reason    the human-readable reason, if given
 */
public record StoredWithheld(RoomId roomId, String sessionId, String senderKey, String code,
                             Optional<String> reason) {
    public StoredWithheld {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(senderKey, "senderKey");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
