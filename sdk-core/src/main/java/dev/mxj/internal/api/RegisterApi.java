package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

/** {@code /_matrix/client/v3/register} and related bodies. */
public final class RegisterApi {
    private RegisterApi() {
    }

    /** {@code POST /register}; {@code auth} is absent on the first UIA round. */
    public record Request(@Json(name = "auth") UiaApi.AuthDict auth,
                          @Json(name = "username") String username,
                          @Json(name = "password") String password,
                          @Json(name = "device_id") String deviceId,
                          @Json(name = "initial_device_display_name") String initialDeviceDisplayName,
                          @Json(name = "inhibit_login") Boolean inhibitLogin,
                          @Json(name = "refresh_token") Boolean refreshToken) {
        @Override
        public String toString() {
            return "RegisterApi.Request[username=" + username + ", secrets redacted]";
        }
    }

    public record Response(@Json(name = "user_id") UserId userId,
                           @Json(name = "access_token") String accessToken,
                           @Json(name = "device_id") DeviceId deviceId,
                           @Json(name = "refresh_token") String refreshToken,
                           @Json(name = "expires_in_ms") Long expiresInMs) {
        @Override
        public String toString() {
            return "RegisterApi.Response[userId=" + userId + ", deviceId=" + deviceId + ", tokens redacted]";
        }
    }

    /** {@code GET /register/available}. */
    public record Availability(@Json(name = "available") Boolean available) {
    }

    /** {@code GET /_matrix/client/v1/register/m.login.registration_token/validity}. */
    public record TokenValidity(@Json(name = "valid") Boolean valid) {
    }
}
