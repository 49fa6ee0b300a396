package dev.mxj.internal.account;

import dev.mxj.internal.Calls;
import dev.mxj.event.KnownContent;
import dev.mxj.event.TagContent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.TagsApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Account data, global and per room ({@code /user/{userId}/...account_data/{type}}), and room tags. */
final class AccountDataCalls {
    static final String USER = "/_matrix/client/v3/user";

    private final ClientContext context;

    AccountDataCalls(ClientContext context) {
        this.context = context;
    }

    CompletableFuture<Optional<RawJson>> global(String type) {
        Checks.nonEmpty(type, "account data type");
        return Calls.asUser(context, me -> Calls.emptyIfNotFound(context.transport().send(
                ApiRequest.get(USER).segment(me.value()).segment("account_data").segment(type).raw())));
    }

    CompletableFuture<Void> setGlobal(String type, RawJson content) {
        Checks.nonEmpty(type, "account data type");
        Checks.object(content, "account data content");
        return Calls.asUser(context, me -> context.transport().send(ApiRequest.put(USER).segment(me.value())
                .segment("account_data").segment(type).body(content).noContent()));
    }

    <T extends KnownContent> CompletableFuture<Optional<T>> global(Class<T> type) {
        String name = AccountDataTypes.global(Objects.requireNonNull(type, "type"));
        return Calls.map(global(name), raw -> raw.map(content -> AccountDataTypes.parse(type, name, content)));
    }

    CompletableFuture<Void> setGlobal(KnownContent content) {
        Objects.requireNonNull(content, "content");
        return setGlobal(content.type(), AccountDataTypes.write(content));
    }

    CompletableFuture<Optional<RawJson>> room(RoomId room, String type) {
        Objects.requireNonNull(room, "room");
        Checks.nonEmpty(type, "account data type");
        return Calls.asUser(context, me -> Calls.emptyIfNotFound(context.transport().send(
                roomPath(ApiRequest.get(USER), me, room).segment("account_data").segment(type).raw())));
    }

    CompletableFuture<Void> setRoom(RoomId room, String type, RawJson content) {
        Objects.requireNonNull(room, "room");
        Checks.nonEmpty(type, "account data type");
        Checks.object(content, "account data content");
        return Calls.asUser(context, me -> context.transport().send(roomPath(ApiRequest.put(USER), me, room)
                .segment("account_data").segment(type).body(content).noContent()));
    }

    <T extends KnownContent> CompletableFuture<Optional<T>> room(RoomId room, Class<T> type) {
        String name = AccountDataTypes.room(Objects.requireNonNull(type, "type"));
        return Calls.map(room(room, name), raw -> raw.map(content -> AccountDataTypes.parse(type, name, content)));
    }

    CompletableFuture<TagContent> tags(RoomId room) {
        Objects.requireNonNull(room, "room");
        return Calls.asUser(context, me -> Calls.map(context.transport().send(
                        roomPath(ApiRequest.get(USER), me, room).segment("tags").raw()),
                raw -> AccountDataTypes.parse(TagContent.class, TagContent.TYPE, raw)));
    }

    CompletableFuture<Void> addTag(RoomId room, String tag, Optional<Double> order) {
        Objects.requireNonNull(room, "room");
        Checks.nonEmpty(tag, "tag");
        Objects.requireNonNull(order, "order");
        order.ifPresent(AccountDataCalls::checkOrder);
        TagsApi.Tag body = new TagsApi.Tag(order.orElse(null));
        return Calls.asUser(context, me -> context.transport().send(roomPath(ApiRequest.put(USER), me, room)
                .segment("tags").segment(tag).body(body).noContent()));
    }

    CompletableFuture<Void> removeTag(RoomId room, String tag) {
        Objects.requireNonNull(room, "room");
        Checks.nonEmpty(tag, "tag");
        return Calls.asUser(context, me -> context.transport().send(roomPath(ApiRequest.delete(USER), me, room)
                .segment("tags").segment(tag).idempotent(true).noContent()));
    }

    private static void checkOrder(double order) {
        if (!(order >= 0 && order <= 1)) {
            throw new IllegalArgumentException("A tag order must be a number in [0, 1], was " + order + ".");
        }
    }

    private static ApiRequest.Builder roomPath(ApiRequest.Builder builder, UserId me, RoomId room) {
        return builder.segment(me.value()).segment("rooms").segment(room.value());
    }
}
