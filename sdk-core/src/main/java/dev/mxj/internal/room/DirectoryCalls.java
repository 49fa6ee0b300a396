package dev.mxj.internal.room;

import dev.mxj.internal.Calls;
import dev.mxj.InvalidResponseException;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.DirectoryApi;
import dev.mxj.internal.api.PublicRoomsApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.room.PublicRoom;
import dev.mxj.room.PublicRoomsFilter;
import dev.mxj.room.PublicRoomsPage;
import dev.mxj.room.ResolvedAlias;
import dev.mxj.room.Visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Room aliases, the published room directory, and the public room list. */
final class DirectoryCalls {
    private static final String ALIAS = MembershipCalls.V3 + "/directory/room";
    private static final String LIST = MembershipCalls.V3 + "/directory/list/room";

    private final ClientContext context;

    DirectoryCalls(ClientContext context) {
        this.context = context;
    }

    CompletableFuture<Void> createAlias(RoomAlias alias, RoomId room) {
        Objects.requireNonNull(room, "room");
        return context.transport().send(ApiRequest.put(ALIAS).segment(alias.value())
                .body(new DirectoryApi.AliasTarget(room)).noContent());
    }

    CompletableFuture<Void> deleteAlias(RoomAlias alias) {
        return context.transport().send(ApiRequest.delete(ALIAS).segment(alias.value()).noContent());
    }

    CompletableFuture<Optional<ResolvedAlias>> resolve(RoomAlias alias) {
        return Calls.map(Calls.emptyIfNotFound(context.transport().send(ApiRequest.get(ALIAS)
                .segment(alias.value()).parse(DirectoryApi.Resolved.class))), found -> found.map(r -> {
                    if (r.roomId() == null) {
                        throw new InvalidResponseException("GET /directory/room/{roomAlias} answered without room_id.");
                    }
                    return new ResolvedAlias(r.roomId(), lenient(r.servers(), ServerName::of));
                }));
    }

    CompletableFuture<List<RoomAlias>> aliases(RoomId room) {
        return Calls.map(context.transport().send(ApiRequest.get(MembershipCalls.ROOMS).segment(room.value())
                .segment("aliases").parse(DirectoryApi.Aliases.class)), r -> lenient(r.aliases(), RoomAlias::of));
    }

    CompletableFuture<Visibility> visibility(RoomId room) {
        return Calls.map(context.transport().send(ApiRequest.get(LIST).segment(room.value()).unauthenticated()
                .parse(DirectoryApi.VisibilityBody.class)), r -> Visibility.of(r.visibility()));
    }

    CompletableFuture<Void> setVisibility(RoomId room, Visibility visibility) {
        return context.transport().send(ApiRequest.put(LIST).segment(room.value())
                .body(new DirectoryApi.VisibilityBody(visibility.value())).noContent());
    }

    CompletableFuture<PublicRoomsPage> publicRooms(PublicRoomsFilter f) {
        ApiRequest.Builder request = ApiRequest.post(MembershipCalls.V3 + "/publicRooms").idempotent(true);
        f.server().ifPresent(server -> request.query("server", server.value()));
        PublicRoomsApi.Filter filter = null;
        if (f.searchTerm().isPresent() || f.roomTypes().isPresent()) {
            List<String> types = f.roomTypes().map(list -> {
                List<String> out = new ArrayList<>();
                list.forEach(t -> out.add(t.orElse(null)));
                return out;
            }).orElse(null);
            filter = new PublicRoomsApi.Filter(f.searchTerm().orElse(null), types);
        }
        PublicRoomsApi.Request body = new PublicRoomsApi.Request(f.limit().isPresent() ? f.limit().getAsInt() : null,
                f.since().orElse(null), filter, f.includeAllNetworks() ? Boolean.TRUE : null,
                f.thirdPartyInstanceId().orElse(null));
        return Calls.map(context.transport().send(request.body(body).parse(PublicRoomsApi.Response.class)),
                DirectoryCalls::page);
    }

    private static PublicRoomsPage page(PublicRoomsApi.Response r) {
        List<PublicRoom> rooms = new ArrayList<>();
        for (PublicRoomsApi.Chunk c : r.chunk() == null ? List.<PublicRoomsApi.Chunk>of() : r.chunk()) {
            if (c == null || c.roomId() == null) {
                continue;
            }
            rooms.add(new PublicRoom(c.roomId(), Optional.ofNullable(c.name()), Optional.ofNullable(c.topic()),
                    parse(c.canonicalAlias(), RoomAlias::of), parse(c.avatarUrl(), MxcUri::of),
                    c.numJoinedMembers() == null ? 0 : c.numJoinedMembers(), Boolean.TRUE.equals(c.worldReadable()),
                    Boolean.TRUE.equals(c.guestCanJoin()), c.joinRule() == null ? "public" : c.joinRule(),
                    Optional.ofNullable(c.roomType())));
        }
        return new PublicRoomsPage(rooms, Optional.ofNullable(r.nextBatch()), Optional.ofNullable(r.prevBatch()),
                r.totalRoomCountEstimate() == null ? OptionalLong.empty() : OptionalLong.of(r.totalRoomCountEstimate()));
    }

    /** Values that parse; invalid ones (a server's typo) are skipped rather than failing the call. */
    private static <T> List<T> lenient(List<String> values, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            parse(v, parse).ifPresent(out::add);
        }
        return out;
    }

    private static <T> Optional<T> parse(String value, Function<String, T> parse) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
