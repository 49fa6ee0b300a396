package dev.mxj.crypto.store;

import dev.mxj.id.UserId;

import java.util.Objects;

/**
 * Who handed this device a room key over Olm: the user the to-device event came from (checked
 * against the Olm plaintext's {@code sender}) and the Curve25519 key of the Olm session it came
 * through. For an {@code m.room_key} that is the session's creator; for an
 * {@code m.forwarded_room_key} the device that forwarded it; for our own outbound sessions, us.
 *
 * @param userId   the sender of the to-device event that carried the key
 * @param curveKey the Curve25519 identity key of the sending device (unpadded base64)
 */
public record KeySender(UserId userId, String curveKey) {
    public KeySender {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(curveKey, "curveKey");
    }
}
