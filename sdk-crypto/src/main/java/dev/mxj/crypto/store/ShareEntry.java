package dev.mxj.crypto.store;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * What an outbound Megolm session did for one device: shared the key with it, or told it the key
 * is withheld.
 *
 * @param userId       the device's user
 * @param deviceId     the device
 * @param identityKey  the device's Curve25519 key at the time (a changed key means a new device)
 * @param messageIndex the index the shared key starts at (0 for a withheld entry)
 * @param withheldCode the {@code m.room_key.withheld} code sent instead of the key, if any
 * @param requestId    the id of the to-device request carrying it while that request is not yet
 *                     sent; empty once the server accepted it
 */
public record ShareEntry(UserId userId, DeviceId deviceId, String identityKey, long messageIndex,
                         Optional<String> withheldCode, Optional<String> requestId) {
    public ShareEntry {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(withheldCode, "withheldCode");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** True if the key itself (not a withheld notice) went to the device. */
    public boolean sharedKey() {
        return withheldCode.isEmpty();
    }
}
