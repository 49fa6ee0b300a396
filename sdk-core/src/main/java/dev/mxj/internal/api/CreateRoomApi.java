package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.List;

/** {@code POST /_matrix/client/v3/createRoom}; null fields are left out. */
public final class CreateRoomApi {
    private CreateRoomApi() {
    }

    /** The request body. */
    public record Request(@Json(name = "visibility") String visibility,
                          @Json(name = "room_alias_name") String roomAliasName,
                          @Json(name = "name") String name,
                          @Json(name = "topic") String topic,
                          @Json(name = "invite") List<UserId> invite,
                          @Json(name = "room_version") String roomVersion,
                          @Json(name = "creation_content") RawJson creationContent,
                          @Json(name = "initial_state") List<StateEntry> initialState,
                          @Json(name = "preset") String preset,
                          @Json(name = "is_direct") Boolean isDirect,
                          @Json(name = "power_level_content_override") RawJson powerLevelContentOverride) {
    }

    /** One {@code initial_state} event. */
    public record StateEntry(@Json(name = "type") String type, @Json(name = "state_key") String stateKey,
                             @Json(name = "content") RawJson content) {
    }

    /** The answer of {@code /createRoom}, {@code /join} and {@code /knock}. */
    public record RoomIdResponse(@Json(name = "room_id") RoomId roomId) {
    }
}
