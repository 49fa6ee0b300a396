package dev.mxj.crypto.store;

import java.util.Objects;

/**
 * An outgoing request the machine made and the server has not yet accepted, kept so it is sent
 * again after a restart. Only requests whose body cannot be made again are stored (to-device
 * requests carrying Olm ciphertext: the ratchet has moved on; a {@code /keys/changes} catch-up:
 * its {@code from} token is no longer kept elsewhere).
 *
 * @param id        the request id (also the to-device transaction id)
 * @param kind      what it is: {@code to_device}, or {@code keys_changes} (body {@code {"from", "to"}})
 * @param eventType the event type for a to-device request, else empty string
 * @param body      the request body, JSON (holds only ciphertext, never a key in the clear)
 * @param createdMs when it was made (epoch ms); requests are sent oldest first
 */
public record PendingRequest(String id, String kind, String eventType, String body, long createdMs) {
    public PendingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "PendingRequest[" + id + ", " + kind + " " + eventType + "]";
    }
}
