package dev.mxj.account;

import dev.mxj.id.DeviceId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the user's devices (sessions), as {@code GET /devices} describes it.
 *
 * @param deviceId    the device's ID
 * @param displayName the name the user gave it, if any
 * @param lastSeenIp  the IP address it was last seen from, if the server says
 * @param lastSeen    when it was last seen, if the server says (may be minutes old)
 */
public record Device(DeviceId deviceId, Optional<String> displayName, Optional<String> lastSeenIp,
                     Optional<Instant> lastSeen) {
    public Device {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(lastSeenIp, "lastSeenIp");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
