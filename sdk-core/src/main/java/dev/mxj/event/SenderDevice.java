package dev.mxj.event;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * The device that encrypted an event, as the encryption module identified it.
 *
 * @param userId     the sending user (the event's sender)
 * @param deviceId   the sending device, when the module could tie the session to one of the user's
 *                   known devices
 * @param curve25519 the Curve25519 identity key the session was established with (unpadded base64)
 * @param trust      how far this client trusts that device
 */
public record SenderDevice(UserId userId, Optional<DeviceId> deviceId, String curve25519, DeviceTrust trust) {
    public SenderDevice {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(curve25519, "curve25519");
        Objects.requireNonNull(trust, "trust");
    }
}
