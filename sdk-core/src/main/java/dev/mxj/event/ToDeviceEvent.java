package dev.mxj.event;

import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

/** A to-device event: sent to this device by {@code sender}. */
public record ToDeviceEvent(String type, UserId sender, EventContent content, RawJson raw) {
}
