package dev.mxj.internal.api;

import com.squareup.moshi.Json;

/** {@code POST /_matrix/client/v3/refresh} bodies. */
public final class RefreshApi {
    private RefreshApi() {
    }

    public record Request(@Json(name = "refresh_token") String refreshToken) {
    }

    public record Response(@Json(name = "access_token") String accessToken,
                           @Json(name = "refresh_token") String refreshToken,
                           @Json(name = "expires_in_ms") Long expiresInMs) {
    }
}
