package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.DeviceId;

import java.util.List;

/** {@code /_matrix/client/v3/devices} and {@code /delete_devices}. */
public final class DevicesApi {
    private DevicesApi() {
    }

    /** {@code GET /devices} answer. */
    public record ListResponse(@Json(name = "devices") List<Device> devices) {
    }

    /** One device, as {@code GET /devices} and {@code GET /devices/{deviceId}} describe it. */
    public record Device(@Json(name = "device_id") String deviceId,
                         @Json(name = "display_name") String displayName,
                         @Json(name = "last_seen_ip") String lastSeenIp,
                         @Json(name = "last_seen_ts") Long lastSeenTs) {
    }

    /** {@code PUT /devices/{deviceId}} body. */
    public record Update(@Json(name = "display_name") String displayName) {
    }

    /** {@code DELETE /devices/{deviceId}} body: only the UIA answer, null on the first round. */
    public record DeleteOne(@Json(name = "auth") UiaApi.AuthDict auth) {
    }

    /** {@code POST /delete_devices} body. */
    public record DeleteMany(@Json(name = "devices") List<DeviceId> devices,
                             @Json(name = "auth") UiaApi.AuthDict auth) {
    }
}
