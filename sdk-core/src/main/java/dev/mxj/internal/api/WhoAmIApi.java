package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

/** {@code GET /_matrix/client/v3/account/whoami} answer. */
public record WhoAmIApi(@Json(name = "user_id") UserId userId,
                        @Json(name = "device_id") DeviceId deviceId,
                        @Json(name = "is_guest") Boolean isGuest) {
}
