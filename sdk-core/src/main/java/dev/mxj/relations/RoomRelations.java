package dev.mxj.relations;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * The server calls about one room's event relationships. Cancelling a returned future cancels its
 * HTTP call; failures complete it with a {@link dev.mxj.MatrixApiException} (e.g. {@code M_NOT_FOUND}
 * when the event is unknown or not visible to the user).
 */
public interface RoomRelations {
    /** {@code GET /_matrix/client/v1/rooms/{roomId}/relations/{eventId}...}: one page of {@code parent}'s children. */
    CompletableFuture<RelationsPage> relations(EventId parent, RelationsQuery query);

    /** {@code GET /_matrix/client/v1/rooms/{roomId}/threads}: one page of thread roots. */
    CompletableFuture<ThreadsPage> threads(ThreadInclude include, Optional<String> from, OptionalInt limit);

    /** The event from the store if it has it, else {@code GET /rooms/{roomId}/event/{eventId}}. */
    CompletableFuture<SyncEvent> event(EventId eventId);

    /** The event {@code reply} quotes, loaded as {@link #event}; empty if it is not a reply. */
    default CompletableFuture<Optional<SyncEvent>> repliedTo(RoomEvent reply) {
        return Replies.inReplyTo(reply).map(id -> event(id).thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    }
}
