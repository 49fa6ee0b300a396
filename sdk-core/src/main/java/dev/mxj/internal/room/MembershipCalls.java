package dev.mxj.internal.room;

import dev.mxj.internal.Calls;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.id.UserId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.CreateRoomApi;
import dev.mxj.internal.api.MembershipApi;
import dev.mxj.internal.http.ApiRequest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Joining, knocking, leaving, forgetting, and acting on other members (invite, kick, ban, unban). */
final class MembershipCalls {
    static final String V3 = "/_matrix/client/v3";
    static final String ROOMS = V3 + "/rooms";

    private final ClientContext context;

    MembershipCalls(ClientContext context) {
        this.context = context;
    }

    /** {@code POST /join/{roomIdOrAlias}?via=...}. */
    CompletableFuture<RoomId> join(String roomIdOrAlias, List<ServerName> via) {
        ApiRequest.Builder request = ApiRequest.post(V3 + "/join").segment(roomIdOrAlias).idempotent(true);
        via.forEach(server -> request.query("via", server.value()));
        return Calls.map(context.transport().send(request.body(new MembershipApi.Reason(null))
                .parse(CreateRoomApi.RoomIdResponse.class)), r -> roomId(r, "join"));
    }

    CompletableFuture<RoomId> knock(RoomId room, Optional<String> reason, List<ServerName> via) {
        Objects.requireNonNull(room, "room");
        ApiRequest.Builder request = ApiRequest.post(V3 + "/knock").segment(room.value());
        via.forEach(server -> request.query("via", server.value()));
        return Calls.map(context.transport().send(request.body(new MembershipApi.Reason(reason.orElse(null)))
                .parse(CreateRoomApi.RoomIdResponse.class)), r -> roomId(r, "knock"));
    }

    CompletableFuture<Void> leave(RoomId room, Optional<String> reason) {
        return context.transport().send(ApiRequest.post(ROOMS).segment(room.value()).segment("leave")
                .idempotent(true).body(new MembershipApi.Reason(reason.orElse(null))).noContent());
    }

    CompletableFuture<Void> forget(RoomId room) {
        return context.transport().send(ApiRequest.post(ROOMS).segment(room.value()).segment("forget")
                .idempotent(true).body(new MembershipApi.Reason(null)).noContent());
    }

    /** {@code action} is {@code invite}, {@code kick}, {@code ban} or {@code unban}. */
    CompletableFuture<Void> onMember(RoomId room, String action, UserId user, Optional<String> reason) {
        Objects.requireNonNull(user, "user");
        return context.transport().send(ApiRequest.post(ROOMS).segment(room.value()).segment(action)
                .body(new MembershipApi.UserReason(user, reason.orElse(null))).noContent());
    }

    static RoomId roomId(CreateRoomApi.RoomIdResponse response, String what) {
        if (response.roomId() == null) {
            throw new dev.mxj.InvalidResponseException("The server answered " + what + " without room_id.");
        }
        return response.roomId();
    }
}
