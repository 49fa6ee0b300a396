package dev.mxj.testkit;

import java.util.Map;

/**
 * A {@link JsPeer}'s own device and its public identity keys (unpadded base64).
 *
 * @param userId the user id
 * @param deviceId the device id
 * @param ed25519 the device's Ed25519 signing key
 * @param curve25519 the device's Curve25519 identity key
 */
public record JsDeviceKeys(String userId, String deviceId, String ed25519, String curve25519) {

    static JsDeviceKeys from(Map<String, Object> result) {
        return new JsDeviceKeys(Json.string(result, "userId"), Json.string(result, "deviceId"),
                Json.string(result, "ed25519"), Json.string(result, "curve25519"));
    }
}
