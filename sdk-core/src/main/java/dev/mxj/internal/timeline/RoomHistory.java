package dev.mxj.internal.timeline;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.ContextApi;
import dev.mxj.internal.api.MessagesApi;
import dev.mxj.internal.api.TimestampToEventApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.json.RawJson;
import dev.mxj.timeline.Direction;
import dev.mxj.timeline.EventAtTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The history endpoints: {@code /messages}, {@code /context} and {@code /timestamp_to_event}. */
final class RoomHistory {
    private static final String ROOMS_V3 = "/_matrix/client/v3/rooms";
    private static final String ROOMS_V1 = "/_matrix/client/v1/rooms";

    /** A page of {@code /messages}: events in the direction asked, and the token to go on from. */
    record Page(List<SyncEvent> chunk, Optional<String> end) {
    }

    /** A {@code /context} answer, parsed: before is oldest first. */
    record Context(SyncEvent event, List<SyncEvent> before, List<SyncEvent> after, Optional<String> start,
                   Optional<String> end) {
    }

    private final ClientContext context;
    private final EventRegistry registry;

    RoomHistory(ClientContext context, EventRegistry registry) {
        this.context = context;
        this.registry = registry;
    }

    CompletableFuture<Page> messages(RoomId room, Optional<String> from, Direction direction, int limit) {
        ApiRequest.Builder request = ApiRequest.get(ROOMS_V3).segment(room.value()).segment("messages")
                .query("dir", direction.wire()).query("limit", Integer.toString(limit));
        from.ifPresent(token -> request.query("from", token));
        return map(context.transport().send(request.parse(MessagesApi.Messages.class)),
                page -> new Page(parse(page.chunk()), Optional.ofNullable(page.end())));
    }

    CompletableFuture<Context> context(RoomId room, EventId event, int limit) {
        ApiRequest<ContextApi.Context> request = ApiRequest.get(ROOMS_V3).segment(room.value()).segment("context")
                .segment(event.value()).query("limit", Integer.toString(limit)).parse(ContextApi.Context.class);
        return map(context.transport().send(request), answer -> {
            if (answer.event() == null) {
                throw new IllegalStateException("The server's /context answer has no event");
            }
            List<SyncEvent> before = parse(answer.eventsBefore());
            Collections.reverse(before);
            return new Context(registry.parseRoomEvent(answer.event()), before, parse(answer.eventsAfter()),
                    Optional.ofNullable(answer.start()), Optional.ofNullable(answer.end()));
        });
    }

    CompletableFuture<EventAtTime> timestampToEvent(RoomId room, Instant time, Direction direction) {
        ApiRequest<TimestampToEventApi.Found> request = ApiRequest.get(ROOMS_V1).segment(room.value())
                .segment("timestamp_to_event").query("ts", Long.toString(time.toEpochMilli()))
                .query("dir", direction.wire()).parse(TimestampToEventApi.Found.class);
        return map(context.transport().send(request), found -> new EventAtTime(EventId.of(found.eventId()),
                Instant.ofEpochMilli(found.originServerTs() == null ? 0 : found.originServerTs())));
    }

    private List<SyncEvent> parse(List<RawJson> events) {
        List<SyncEvent> out = new ArrayList<>();
        if (events != null) {
            for (RawJson raw : events) {
                out.add(registry.parseRoomEvent(raw));
            }
        }
        return out;
    }

    /** {@code source} mapped by {@code fn}; cancelling the result cancels the HTTP call. */
    static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
        CompletableFuture<R> derived = source.thenApply(fn);
        derived.whenComplete((v, e) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }
}
