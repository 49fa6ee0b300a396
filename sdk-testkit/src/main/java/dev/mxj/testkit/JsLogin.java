package dev.mxj.testkit;

import java.util.Map;

/**
 * A {@link JsPeer}'s session after {@link JsPeer#login}. {@link #toString()} leaves out the
 * access token.
 *
 * @param userId the full user id the server reports
 * @param deviceId the device id (the one asked for, or one the server made up)
 * @param accessToken the device's access token, for checks such as "never in the logs"
 * @param cryptoVersion the crypto library's version, such as {@code Rust SDK 0.11.1 (...), Vodozemac 0.9.0}
 */
public record JsLogin(String userId, String deviceId, String accessToken, String cryptoVersion) {

    static JsLogin from(Map<String, Object> result) {
        return new JsLogin(Json.string(result, "userId"), Json.string(result, "deviceId"),
                Json.string(result, "accessToken"), Json.string(result, "cryptoVersion"));
    }

    @Override
    public String toString() {
        return "JsLogin[userId=" + userId + ", deviceId=" + deviceId + ", cryptoVersion="
                + cryptoVersion + "]";
    }
}
