package dev.mxj.crypto.store;

import dev.mxj.id.RoomId;

import java.util.Objects;

/**
 * An {@code m.room_key_request} this device sent (or will send) to the user's other devices.
 *
 * @param requestId the request id, as in the event's {@code request_id}
 * @param roomId    the room of the missing key
 * @param sessionId the Megolm session id
 * @param senderKey the Curve25519 key of the session's creator, as the encrypted event said
 * @param sent      true once the request went out; a cancellation is due when the key arrives
 */
public record StoredKeyRequest(String requestId, RoomId roomId, String sessionId, String senderKey, boolean sent) {
    public StoredKeyRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(senderKey, "senderKey");
    }
}
