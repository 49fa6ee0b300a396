package dev.mxj.crypto.store;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * Another (or this user's other) device, from a verified {@code /keys/query} answer.
 *
 * @param userId      the device's user
 * @param deviceId    the device
 * @param curve25519  its Curve25519 identity key
 * @param ed25519     its Ed25519 fingerprint key (which signed {@code deviceKeys})
 * @param deviceKeys  the signed {@code device_keys} object exactly as the server returned it
 * @param displayName the display name from {@code unsigned.device_display_name}, if any
 * @param trust       what the user decided about it
 * @param deleted     true once the server stopped listing it; kept so old messages keep their sender
 */
public record StoredDevice(UserId userId, DeviceId deviceId, String curve25519, String ed25519, String deviceKeys,
                           Optional<String> displayName, LocalTrust trust, boolean deleted) {
    public StoredDevice {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(curve25519, "curve25519");
        Objects.requireNonNull(ed25519, "ed25519");
        Objects.requireNonNull(deviceKeys, "deviceKeys");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(trust, "trust");
    }

    /** A copy with another trust. */
    public StoredDevice withTrust(LocalTrust newTrust) {
        return new StoredDevice(userId, deviceId, curve25519, ed25519, deviceKeys, displayName, newTrust, deleted);
    }

    /** A copy marked deleted (or not). */
    public StoredDevice withDeleted(boolean isDeleted) {
        return new StoredDevice(userId, deviceId, curve25519, ed25519, deviceKeys, displayName, trust, isDeleted);
    }
}
