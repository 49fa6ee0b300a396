package dev.mxj.internal.auth;

import dev.mxj.InvalidResponseException;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.internal.ClientContext;

import java.time.Instant;
import java.util.Optional;

/** Turns the tokens of a login or registration answer into the client's session. */
final class IssuedSessions {
    private IssuedSessions() {
    }

    /**
     * Builds the session (expiry from {@code expires_in_ms} on the client's clock), saves it and
     * makes it the client's.
     *
     * @param requestedDevice the device ID the request asked for: the spec says the answer's
     *                        {@code device_id} is the same, so it stands in if the server left it out
     * @param whatIfMissing   what the caller should do if the answer lacks a required field
     */
    static Session adopt(ClientContext context, String endpoint, UserId userId, String accessToken,
                         DeviceId deviceId, Optional<DeviceId> requestedDevice, String refreshToken,
                         Long expiresInMs, String whatIfMissing) {
        if (userId == null) {
            throw missing(endpoint, "user_id", whatIfMissing);
        }
        if (accessToken == null || accessToken.isEmpty()) {
            throw missing(endpoint, "access_token", whatIfMissing);
        }
        DeviceId device = deviceId != null ? deviceId : requestedDevice.orElseThrow(
                () -> missing(endpoint, "device_id", whatIfMissing));
        Optional<Instant> expiry = Optional.ofNullable(expiresInMs).filter(ms -> ms >= 0)
                .map(ms -> context.clock().instant().plusMillis(ms));
        Optional<String> refresh = Optional.ofNullable(refreshToken).filter(t -> !t.isEmpty());
        Session session = new Session(context.homeserverUrl(), userId, device, accessToken, refresh, expiry);
        context.sessions().adopt(session);
        return session;
    }

    private static InvalidResponseException missing(String endpoint, String field, String whatToDo) {
        return new InvalidResponseException(endpoint + " succeeded but answered without " + field
                + ", which the spec requires. " + whatToDo);
    }
}
