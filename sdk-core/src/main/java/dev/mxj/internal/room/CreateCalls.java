package dev.mxj.internal.room;

import dev.mxj.internal.Calls;
import dev.mxj.account.Account;
import dev.mxj.event.DirectContent;
import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.event.RoomTombstoneContent;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.id.UserId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.CreateRoomApi;
import dev.mxj.internal.api.UpgradeApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.json.RawJson;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Creating rooms and direct chats, the {@code m.direct} map, upgrades and tombstones. */
final class CreateCalls {
    private final ClientContext context;
    private final Account account;
    private final StateCalls state;
    private final MembershipCalls membership;

    CreateCalls(ClientContext context, Account account, StateCalls state, MembershipCalls membership) {
        this.context = context;
        this.account = account;
        this.state = state;
        this.membership = membership;
    }

    CompletableFuture<RoomId> create(CreateRoomRequest request) {
        Objects.requireNonNull(request, "request");
        return Calls.asUser(context, me -> Calls.map(context.transport().send(
                ApiRequest.post(MembershipCalls.V3 + "/createRoom").body(body(request, me))
                        .parse(CreateRoomApi.RoomIdResponse.class)), r -> MembershipCalls.roomId(r, "createRoom")));
    }

    /** The request as the spec's body; {@code me} keeps level 100 when user levels are overridden. */
    static CreateRoomApi.Request body(CreateRoomRequest r, UserId me) {
        RawJson creation = r.creationContent().orElse(null);
        if (r.roomType().isPresent()) {
            creation = RawJson.ofTree(with(creation, "type", r.roomType().get()));
        }
        RawJson levels = r.powerLevelOverride().orElse(null);
        if (!r.userPowerLevels().isEmpty()) {
            Map<UserId, Long> users = new LinkedHashMap<>();
            users.put(me, RoomPowerLevelsContent.CREATOR_DEFAULT);
            users.putAll(r.userPowerLevels());
            RawJson base = levels == null ? RawJson.emptyObject() : levels;
            for (Map.Entry<UserId, Long> e : users.entrySet()) {
                base = StateContents.withUserLevel(base, e.getKey(), e.getValue());
            }
            levels = base;
        }
        List<CreateRoomApi.StateEntry> initial = r.initialState().stream()
                .map(s -> new CreateRoomApi.StateEntry(s.type(), s.stateKey(), s.content())).toList();
        return new CreateRoomApi.Request(r.visibility().map(v -> v.value()).orElse(null),
                r.aliasLocalpart().orElse(null), r.name().orElse(null), r.topic().orElse(null),
                r.invite().isEmpty() ? null : r.invite(), r.roomVersion().orElse(null), creation,
                initial.isEmpty() ? null : initial, r.preset().map(Preset::value).orElse(null),
                r.direct() ? Boolean.TRUE : null, levels);
    }

    CompletableFuture<RoomId> createDirect(UserId user) {
        Objects.requireNonNull(user, "user");
        CreateRoomRequest request = CreateRoomRequest.builder().preset(Preset.TRUSTED_PRIVATE_CHAT).invite(user)
                .direct(true).build();
        return Calls.then(create(request), room -> Calls.map(markDirect(room, user), done -> room));
    }

    CompletableFuture<Map<UserId, List<RoomId>>> directRooms() {
        return Calls.map(account.accountData(DirectContent.class),
                content -> content.map(DirectContent::rooms).orElse(Map.of()));
    }

    /** Adds the room to {@code m.direct}, read raw so that entries mxj does not understand survive. */
    @SuppressWarnings("unchecked")
    CompletableFuture<Void> markDirect(RoomId room, UserId user) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(user, "user");
        return Calls.then(account.accountData(DirectContent.TYPE), current -> {
            Map<String, Object> map = new LinkedHashMap<>();
            if (current.isPresent() && current.get().tree() instanceof Map<?, ?> tree) {
                ((Map<String, Object>) tree).forEach(map::put);
            }
            List<Object> rooms = new ArrayList<>();
            if (map.get(user.value()) instanceof List<?> existing) {
                rooms.addAll(existing);
            }
            if (rooms.contains(room.value())) {
                return CompletableFuture.completedFuture(null);
            }
            rooms.add(room.value());
            map.put(user.value(), rooms);
            return account.setAccountData(DirectContent.TYPE, RawJson.ofTree(map));
        });
    }

    CompletableFuture<RoomId> upgrade(RoomId room, String newVersion) {
        Objects.requireNonNull(newVersion, "newVersion");
        return Calls.map(context.transport().send(ApiRequest.post(MembershipCalls.ROOMS).segment(room.value())
                .segment("upgrade").body(new UpgradeApi.Request(newVersion)).parse(UpgradeApi.Response.class)), r -> {
                    if (r.replacementRoom() == null) {
                        throw new dev.mxj.InvalidResponseException("POST /upgrade answered without replacement_room.");
                    }
                    return r.replacementRoom();
                });
    }

    CompletableFuture<RoomId> followTombstone(RoomId room) {
        return Calls.then(state.get(room, RoomTombstoneContent.TYPE, ""), content -> {
            Optional<RoomId> next = content.flatMap(c -> c.string("replacement_room")).flatMap(CreateCalls::roomId);
            if (next.isEmpty()) {
                throw new NoSuchElementException("Room " + room + " has no m.room.tombstone with a replacement_room;"
                        + " there is nothing to follow.");
            }
            LinkedHashSet<ServerName> via = new LinkedHashSet<>(List.of(next.get().serverName(), room.serverName()));
            return membership.join(next.get().value(), List.copyOf(via));
        });
    }

    private static Optional<RoomId> roomId(String value) {
        try {
            return Optional.of(RoomId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(RawJson object, String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (object != null && object.tree() instanceof Map<?, ?> tree) {
            ((Map<String, Object>) tree).forEach(map::put);
        }
        map.put(key, value);
        return map;
    }
}
