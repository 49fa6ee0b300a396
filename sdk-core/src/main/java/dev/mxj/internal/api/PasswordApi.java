package dev.mxj.internal.api;

import com.squareup.moshi.Json;

/** {@code POST /_matrix/client/v3/account/password}. */
public final class PasswordApi {
    private PasswordApi() {
    }

    /** The body. {@code toString()} hides the password. */
    public record Request(@Json(name = "new_password") String newPassword,
                          @Json(name = "logout_devices") Boolean logoutDevices,
                          @Json(name = "auth") UiaApi.AuthDict auth) {
        @Override
        public String toString() {
            return "PasswordApi.Request[newPassword=<redacted>, logoutDevices=" + logoutDevices + "]";
        }
    }
}
