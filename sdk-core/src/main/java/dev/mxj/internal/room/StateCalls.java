package dev.mxj.internal.room;

import dev.mxj.internal.Calls;
import dev.mxj.InvalidResponseException;
import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.StateEventApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code /rooms/{roomId}/state/{type}/{stateKey}}: send and read one state event. */
final class StateCalls {
    private final ClientContext context;

    StateCalls(ClientContext context) {
        this.context = context;
    }

    CompletableFuture<EventId> send(RoomId room, String type, String stateKey, RawJson content) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stateKey, "stateKey");
        if (type.isEmpty()) {
            throw new IllegalArgumentException("A state event type must not be empty");
        }
        if (!content.isObject()) {
            throw new IllegalArgumentException("State event content must be a JSON object, was " + content.json());
        }
        return Calls.map(context.transport().send(state(ApiRequest.put(MembershipCalls.ROOMS), room, type, stateKey)
                .body(content).parse(StateEventApi.EventIdResponse.class)), r -> {
                    if (r.eventId() == null) {
                        throw new InvalidResponseException("PUT /rooms/{roomId}/state answered without event_id.");
                    }
                    return r.eventId();
                });
    }

    CompletableFuture<Optional<RawJson>> get(RoomId room, String type, String stateKey) {
        return Calls.emptyIfNotFound(context.transport().send(
                state(ApiRequest.get(MembershipCalls.ROOMS), room, type, stateKey).raw()));
    }

    CompletableFuture<EventId> setUserLevel(RoomId room, UserId user, long level) {
        Objects.requireNonNull(user, "user");
        if (Math.abs(level) > RoomPowerLevelsContent.MAX) {
            throw new IllegalArgumentException("A power level must be within ±(2^53-1), was " + level);
        }
        return Calls.then(get(room, RoomPowerLevelsContent.TYPE, ""), current -> send(room,
                RoomPowerLevelsContent.TYPE, "", StateContents.withUserLevel(current.orElse(RawJson.emptyObject()),
                        user, level)));
    }

    private static ApiRequest.Builder state(ApiRequest.Builder b, RoomId room, String type, String stateKey) {
        b.segment(room.value()).segment("state").segment(type);
        // An empty state key is the path ".../state/{type}/" (a trailing slash).
        return b.segment(stateKey);
    }
}
