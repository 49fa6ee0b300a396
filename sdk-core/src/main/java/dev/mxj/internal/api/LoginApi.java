package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.List;

/** {@code GET} and {@code POST /_matrix/client/v3/login} bodies, and the user identifier object. */
public final class LoginApi {
    private LoginApi() {
    }

    /** {@code GET /login}: each flow kept raw, so unknown fields (identity providers) survive. */
    public record FlowsResponse(@Json(name = "flows") List<RawJson> flows) {
    }

    /** The spec's user identifier: {@code m.id.user}, {@code m.id.thirdparty} or {@code m.id.phone}. */
    public record Identifier(@Json(name = "type") String type,
                             @Json(name = "user") String user,
                             @Json(name = "medium") String medium,
                             @Json(name = "address") String address,
                             @Json(name = "country") String country,
                             @Json(name = "phone") String phone) {
    }

    public record Request(@Json(name = "type") String type,
                          @Json(name = "identifier") Identifier identifier,
                          @Json(name = "password") String password,
                          @Json(name = "token") String token,
                          @Json(name = "device_id") String deviceId,
                          @Json(name = "initial_device_display_name") String initialDeviceDisplayName,
                          @Json(name = "refresh_token") Boolean refreshToken) {
        @Override
        public String toString() {
            return "LoginApi.Request[type=" + type + ", secrets redacted]";
        }
    }

    public record Response(@Json(name = "user_id") UserId userId,
                           @Json(name = "access_token") String accessToken,
                           @Json(name = "device_id") DeviceId deviceId,
                           @Json(name = "refresh_token") String refreshToken,
                           @Json(name = "expires_in_ms") Long expiresInMs) {
        @Override
        public String toString() {
            return "LoginApi.Response[userId=" + userId + ", deviceId=" + deviceId + ", tokens redacted]";
        }
    }
}
