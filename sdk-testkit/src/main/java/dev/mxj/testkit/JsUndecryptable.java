package dev.mxj.testkit;

import java.util.Map;

/**
 * An event a {@link JsPeer} received but cannot decrypt (yet).
 *
 * @param roomId the room
 * @param eventId the event
 * @param sender its sender
 * @param reason matrix-js-sdk's {@code DecryptionFailureCode}, such as
 *     {@code MEGOLM_UNKNOWN_INBOUND_SESSION_ID} or {@code HISTORICAL_MESSAGE_USER_NOT_JOINED}
 */
public record JsUndecryptable(String roomId, String eventId, String sender, String reason) {

    static JsUndecryptable from(Map<String, Object> event) {
        return new JsUndecryptable(Json.string(event, "roomId"), Json.string(event, "eventId"),
                Json.string(event, "sender"), Json.optionalString(event, "reason").orElse("UNKNOWN_ERROR"));
    }
}
