package dev.mxj.auth;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * A registered account.
 *
 * @param userId   the new account's ID (its localpart may differ from the user name asked for)
 * @param deviceId the device created by the registration, unless login was inhibited
 * @param session  the session the client now uses, unless login was inhibited
 * @param guest    true for a guest account ({@link Auth#registerGuest()})
 */
public record RegistrationResult(UserId userId, Optional<DeviceId> deviceId, Optional<Session> session,
                                 boolean guest) {
    public RegistrationResult {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(session, "session");
    }
}
