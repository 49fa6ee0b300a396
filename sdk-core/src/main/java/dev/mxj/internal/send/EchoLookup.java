package dev.mxj.internal.send;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.Transport;
import dev.mxj.json.RawJson;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the server whether it already holds an event sent with a transaction ID, before the queue sends
 * it again. A server deduplicates a repeated transaction ID only if it finished the first request:
 * Dendrite, for one, drops its record when the client disconnects mid-request (as a killed process
 * does) although the event was stored. So an event that may have been in flight when the previous
 * run died is looked up first.
 *
 * <p>The lookup is one {@code GET /sync} without a {@code since} token, filtered to the room's newest
 * {@link #TIMELINE_LIMIT} timeline events and nothing else: the server gives the sending device its
 * own events with {@code unsigned.transaction_id} there. Its {@code next_batch} is not used, so it does
 * not acknowledge anything (to-device messages stay queued for the real sync).
 */
final class EchoLookup {
    /** How far back the event is looked for: it was this device's last event in the room. */
    static final int TIMELINE_LIMIT = 50;

    private EchoLookup() {
    }

    /** The ID of the room's event sent with {@code txnId} by this device, if the server has it. */
    static CompletableFuture<Optional<EventId>> find(Transport transport, RoomId room, String txnId) {
        String filter = "{\"room\":{\"rooms\":[" + quote(room.value()) + "],\"timeline\":{\"limit\":" + TIMELINE_LIMIT
                + "},\"state\":{\"types\":[]},\"ephemeral\":{\"types\":[]},\"account_data\":{\"types\":[]}},"
                + "\"presence\":{\"types\":[]},\"account_data\":{\"types\":[]}}";
        ApiRequest<RawJson> request = ApiRequest.get("/_matrix/client/v3/sync").query("filter", filter)
                .query("timeout", "0").raw();
        return transport.send(request).thenApply(sync -> find(sync, room, txnId));
    }

    static Optional<EventId> find(RawJson sync, RoomId room, String txnId) {
        List<RawJson> events = sync.object("rooms").flatMap(r -> r.object("join")).flatMap(j -> j.object(room.value()))
                .flatMap(r -> r.object("timeline")).map(t -> t.array("events")).orElse(List.of());
        for (RawJson event : events) {
            boolean ours = event.object("unsigned").flatMap(u -> u.string("transaction_id"))
                    .filter(txnId::equals).isPresent();
            if (ours) {
                return event.string("event_id").map(EventId::of);
            }
        }
        return Optional.empty();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
