package dev.mxj.internal.timeline;

import dev.mxj.auth.Session;
import dev.mxj.event.EventRegistry;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.event.SyncEvent;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.crypto.E2ee;
import dev.mxj.internal.api.ReceiptApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.relations.RelationCalls;
import dev.mxj.internal.send.SendQueue;
import dev.mxj.relations.RoomRelations;
import dev.mxj.room.ReceiptType;
import dev.mxj.room.RoomInfo;
import dev.mxj.send.LocalEcho;
import dev.mxj.store.StateStore;
import dev.mxj.sync.SyncService;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** What every timeline of one client shares: the store, sync, the send queue, the server calls, decryption. */
record TimelineContext(ClientContext client, StateStore store, SyncService sync, SendQueue sends,
                       EventRegistry registry, RoomHistory history, E2ee e2ee) {
    private static final String ROOMS_V3 = "/_matrix/client/v3/rooms";

    /** The logged-in user, if any. */
    Optional<UserId> me() {
        return client.sessions().session().map(Session::userId);
    }

    /** A fresh index of {@code room}'s events for a timeline of {@code scope}. */
    EventIndex index(RoomId room, Scope scope) {
        return new EventIndex(scope, registry, () -> store.room(room).map(RoomInfo::roomVersion).orElse("1"), me());
    }

    /** A fresh index whose items carry what {@code decryption} recorded for their events. */
    EventIndex index(RoomId room, Scope scope, TimelineDecryption decryption) {
        return index(room, scope).decryptedBy(decryption::resultOf);
    }

    /** Decryption for a timeline of {@code room}; {@code later} gets events whose result came late. */
    TimelineDecryption decryption(RoomId room, Consumer<List<SyncEvent>> later) {
        return new TimelineDecryption(e2ee, room, client.callbackExecutor(), later);
    }

    RoomRelations relations(RoomId room) {
        return new RelationCalls(client.transport(), registry, store, room);
    }

    /** The room's queued events; none for a store without a send queue. */
    List<LocalEcho> localEchoes(RoomId room) {
        try {
            return sends.localEchoes(room);
        } catch (UnsupportedOperationException e) {
            return List.of();
        }
    }

    /** {@code POST /rooms/{roomId}/receipt/{type}/{eventId}} with {@code thread_id}. */
    CompletableFuture<Void> sendReceipt(RoomId room, ReceiptType type, EventId event, String threadId) {
        return client.transport().send(ApiRequest.post(ROOMS_V3).segment(room.value()).segment("receipt")
                .segment(type.value()).segment(event.value()).idempotent(true)
                .body(new ReceiptApi.Receipt(threadId)).noContent());
    }
}
