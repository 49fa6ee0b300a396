package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.RoomId;

import java.util.List;

/** {@code POST /_matrix/client/v3/publicRooms}. */
public final class PublicRoomsApi {
    private PublicRoomsApi() {
    }

    /** The request body; the server to ask is the {@code server} query parameter. */
    public record Request(@Json(name = "limit") Integer limit, @Json(name = "since") String since,
                          @Json(name = "filter") Filter filter,
                          @Json(name = "include_all_networks") Boolean includeAllNetworks,
                          @Json(name = "third_party_instance_id") String thirdPartyInstanceId) {
    }

    /** {@code filter}; a null in {@code room_types} means rooms without a type. */
    public record Filter(@Json(name = "generic_search_term") String genericSearchTerm,
                         @Json(name = "room_types") List<String> roomTypes) {
    }

    /** The answer. */
    public record Response(@Json(name = "chunk") List<Chunk> chunk, @Json(name = "next_batch") String nextBatch,
                           @Json(name = "prev_batch") String prevBatch,
                           @Json(name = "total_room_count_estimate") Long totalRoomCountEstimate) {
    }

    /** One room; alias and avatar kept as strings and validated leniently. */
    public record Chunk(@Json(name = "room_id") RoomId roomId, @Json(name = "name") String name,
                        @Json(name = "topic") String topic, @Json(name = "canonical_alias") String canonicalAlias,
                        @Json(name = "avatar_url") String avatarUrl,
                        @Json(name = "num_joined_members") Long numJoinedMembers,
                        @Json(name = "world_readable") Boolean worldReadable,
                        @Json(name = "guest_can_join") Boolean guestCanJoin,
                        @Json(name = "join_rule") String joinRule, @Json(name = "room_type") String roomType) {
    }
}
