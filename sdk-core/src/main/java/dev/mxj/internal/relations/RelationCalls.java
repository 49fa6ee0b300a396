package dev.mxj.internal.relations;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.api.RelationsApi;
import dev.mxj.internal.api.ThreadsApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.Transport;
import dev.mxj.json.RawJson;
import dev.mxj.relations.RelationsPage;
import dev.mxj.relations.RelationsQuery;
import dev.mxj.relations.RoomRelations;
import dev.mxj.relations.ThreadInclude;
import dev.mxj.relations.ThreadsPage;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link RoomRelations} over the client's transport and store. */
public final class RelationCalls implements RoomRelations {
    private static final String ROOMS_V1 = "/_matrix/client/v1/rooms";
    private static final String ROOMS_V3 = "/_matrix/client/v3/rooms";

    private final Transport transport;
    private final EventRegistry registry;
    private final StateStore store;
    private final RoomId room;

    public RelationCalls(Transport transport, EventRegistry registry, StateStore store, RoomId room) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.store = Objects.requireNonNull(store, "store");
        this.room = Objects.requireNonNull(room, "room");
    }

    @Override
    public CompletableFuture<RelationsPage> relations(EventId parent, RelationsQuery query) {
        ApiRequest.Builder request = ApiRequest.get(ROOMS_V1).segment(room.value()).segment("relations")
                .segment(parent.value());
        query.relType().ifPresent(request::segment);
        query.eventType().ifPresent(request::segment);
        query.from().ifPresent(from -> request.query("from", from));
        query.to().ifPresent(to -> request.query("to", to));
        request.query("dir", query.direction().wire());
        query.limit().ifPresent(limit -> request.query("limit", Integer.toString(limit)));
        if (query.recurse()) {
            request.query("recurse", "true");
        }
        return map(transport.send(request.parse(RelationsApi.Chunk.class)), page -> new RelationsPage(
                parse(page.chunk()), Optional.ofNullable(page.nextBatch()), Optional.ofNullable(page.prevBatch()),
                page.recursionDepth() == null ? OptionalInt.empty() : OptionalInt.of(page.recursionDepth())));
    }

    @Override
    public CompletableFuture<ThreadsPage> threads(ThreadInclude include, Optional<String> from, OptionalInt limit) {
        ApiRequest.Builder request = ApiRequest.get(ROOMS_V1).segment(room.value()).segment("threads")
                .query("include", include.wire());
        from.ifPresent(token -> request.query("from", token));
        limit.ifPresent(n -> request.query("limit", Integer.toString(n)));
        return map(transport.send(request.parse(ThreadsApi.Threads.class)),
                page -> new ThreadsPage(parse(page.chunk()), Optional.ofNullable(page.nextBatch())));
    }

    @Override
    public CompletableFuture<SyncEvent> event(EventId eventId) {
        Optional<StoredEvent> stored = store.event(room, eventId);
        if (stored.isPresent()) {
            return CompletableFuture.completedFuture(stored.get().event());
        }
        ApiRequest<RawJson> request = ApiRequest.get(ROOMS_V3).segment(room.value()).segment("event")
                .segment(eventId.value()).raw();
        return map(transport.send(request), registry::parseRoomEvent);
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
    private static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
        CompletableFuture<R> derived = source.thenApply(fn);
        derived.whenComplete((v, e) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }
}
