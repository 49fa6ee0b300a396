package dev.mxj.auth;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client needs to resume without logging in again. Holds secrets: {@link #toString()}
 * never prints them, and a store must keep them out of logs.
 *
 * @param homeserverUrl  the client-server API base URL, e.g. {@code https://matrix.example.org}
 * @param userId         the logged-in user
 * @param deviceId       this session's device
 * @param accessToken    the access token (secret)
 * @param refreshToken   the refresh token, when the server issued one (secret)
 * @param accessTokenExpiresAt when the access token stops working, when the server said so
 */
public record Session(URI homeserverUrl, UserId userId, DeviceId deviceId, String accessToken,
                      Optional<String> refreshToken, Optional<Instant> accessTokenExpiresAt) {
    public Session {
        Objects.requireNonNull(homeserverUrl, "homeserverUrl");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        if (accessToken.isEmpty()) {
            throw new IllegalArgumentException("A session needs a non-empty access token.");
        }
    }

    /** A session without a refresh token. */
    public static Session of(URI homeserverUrl, UserId userId, DeviceId deviceId, String accessToken) {
        return new Session(homeserverUrl, userId, deviceId, accessToken, Optional.empty(), Optional.empty());
    }

    /** This session with new tokens, as after a refresh. */
    public Session withTokens(String newAccessToken, Optional<String> newRefreshToken, Optional<Instant> expiresAt) {
        return new Session(homeserverUrl, userId, deviceId, newAccessToken, newRefreshToken, expiresAt);
    }

    @Override
    public String toString() {
        return "Session[homeserverUrl=" + homeserverUrl + ", userId=" + userId + ", deviceId=" + deviceId
                + ", accessToken=<redacted>, refreshToken=" + (refreshToken.isPresent() ? "<redacted>" : "none")
                + ", accessTokenExpiresAt=" + accessTokenExpiresAt.map(Instant::toString).orElse("never") + "]";
    }
}
