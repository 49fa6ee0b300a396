package dev.mxj.relations;

import dev.mxj.MatrixApiException;
import dev.mxj.MatrixException;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.http.AccessTokenSource;
import dev.mxj.internal.http.Transport;
import dev.mxj.internal.relations.RelationCalls;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.testing.MockHomeserver;
import dev.mxj.testing.RelatedEvents;
import dev.mxj.timeline.Direction;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static dev.mxj.testing.MockHomeserver.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /relations}, {@code /threads} and loading a replied-to event, against the spec's examples. */
class RelationsProtocolTest {
    private static final RoomId ROOM = RoomId.of("!636q39766251:matrix.org");
    private static final EventId PARENT = EventId.of("$asfDuShaf7Gafaw");

    private final MockHomeserver mock = MockHomeserver.start();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RoomRelations relations = new RelationCalls(transport(), EventRegistry.defaults(),
            new MemoryStateStore(), ROOM);

    private Transport transport() {
        Transport transport = new Transport(new OkHttpClient(), mock.url(), MockHomeserver.fastRetries(), scheduler,
                "mxj-test");
        transport.setTokenSource(new AccessTokenSource() {
            @Override
            public CompletableFuture<String> accessToken() {
                return CompletableFuture.completedFuture(MockHomeserver.ACCESS_TOKEN);
            }

            @Override
            public CompletableFuture<Boolean> tokenRejected(String rejected, MatrixApiException error) {
                return CompletableFuture.failedFuture(error);
            }
        });
        return transport;
    }

    @AfterEach
    void close() {
        mock.close();
        scheduler.shutdownNow();
    }

    @Test
    void relationsPageIsParsedWithItsTokens() {
        mock.ok(resource("/spec-examples/relations/relations.json"));
        RelationsPage page = relations.relations(PARENT, RelationsQuery.all()).join();
        RecordedRequest request = mock.take();
        assertEquals("/_matrix/client/v1/rooms/!636q39766251:matrix.org/relations/$asfDuShaf7Gafaw?dir=b",
                request.getTarget());
        assertEquals(1, page.chunk().size());
        RoomEvent child = assertInstanceOf(RoomEvent.class, page.chunk().get(0));
        assertEquals(EventId.of("$143273582443PhrSn:example.org"), child.eventId());
        assertEquals(Optional.of("page2_token"), page.nextBatch());
        assertEquals(Optional.of("page1_token"), page.prevBatch());
        assertTrue(page.recursionDepth().isEmpty());
    }

    @Test
    void relTypeEventTypeAndPaginationGoInThePathAndQuery() {
        mock.ok("{\"chunk\":[],\"recursion_depth\":3}");
        RelationsQuery query = RelationsQuery.all().withTypes("m.annotation", "m.reaction").withFrom("page2_token")
                .withTo("page3_token").withDirection(Direction.FORWARD).withLimit(20).withRecurse(true);
        RelationsPage page = relations.relations(PARENT, query).join();
        String target = mock.take().getTarget();
        assertTrue(target.startsWith("/_matrix/client/v1/rooms/!636q39766251:matrix.org/relations/"
                + "$asfDuShaf7Gafaw/m.annotation/m.reaction?"), target);
        for (String part : new String[] {"from=page2_token", "to=page3_token", "dir=f", "limit=20", "recurse=true"}) {
            assertTrue(target.contains(part), target + " lacks " + part);
        }
        assertTrue(page.chunk().isEmpty());
        assertTrue(page.nextBatch().isEmpty());
        assertEquals(OptionalInt.of(3), page.recursionDepth());
    }

    @Test
    void eventTypeWithoutRelTypeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RelationsQuery(Optional.empty(),
                Optional.of("m.reaction"), Optional.empty(), Optional.empty(), Direction.BACKWARD,
                OptionalInt.empty(), false));
    }

    @Test
    void threadsListIsParsedAndPaginated() {
        mock.ok(resource("/spec-examples/relations/threads.json"));
        ThreadsPage page = relations.threads(ThreadInclude.PARTICIPATED, Optional.of("tok"), OptionalInt.of(5)).join();
        String target = mock.take().getTarget();
        assertTrue(target.startsWith("/_matrix/client/v1/rooms/!636q39766251:matrix.org/threads?"), target);
        assertTrue(target.contains("include=participated") && target.contains("from=tok")
                && target.contains("limit=5"), target);
        assertEquals(1, page.roots().size());
        assertEquals(Optional.of("next_batch_token"), page.nextBatch());
    }

    @Test
    void repliedToEventIsFetchedWhenNotStored() {
        mock.ok(resource("/spec-examples/relations/threads.json").replaceFirst("(?s)^\\{\\s*\"chunk\": \\[", "")
                .replaceFirst("(?s)\\],\\s*\"next_batch\".*$", ""));
        RoomEvent reply = RelatedEvents.event("reply", "m.room.message", MockHomeserver.USER, 1,
                dev.mxj.testing.SyncBuilders.obj("msgtype", "m.text", "body", "> quote\n\nhi",
                        "m.relates_to", dev.mxj.testing.SyncBuilders.obj("m.in_reply_to",
                                dev.mxj.testing.SyncBuilders.obj("event_id", "$143273582443PhrSn:example.org"))));
        SyncEvent quoted = relations.repliedTo(reply).join().orElseThrow();
        assertEquals("/_matrix/client/v3/rooms/!636q39766251:matrix.org/event/$143273582443PhrSn:example.org",
                mock.take().getTarget());
        assertEquals(EventId.of("$143273582443PhrSn:example.org"), assertInstanceOf(RoomEvent.class, quoted).eventId());
        assertTrue(relations.repliedTo(RelatedEvents.text("plain", MockHomeserver.USER, 1, "x")).join().isEmpty());
    }

    @Test
    void storedEventIsNotFetched() {
        RoomEvent stored = RelatedEvents.text("stored", MockHomeserver.USER, 1, "hi");
        StateStore store = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
                new Class<?>[] {StateStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("event") && stored.eventId().equals(args[1])) {
                        return Optional.of(new StoredEvent(1, stored));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        RoomRelations local = new RelationCalls(transport(), EventRegistry.defaults(), store, ROOM);
        assertEquals(stored, local.event(stored.eventId()).join());
        assertEquals(0, mock.requestCount());
    }

    @Test
    void notFoundFailsWithTheServersError() {
        mock.error(404, "M_NOT_FOUND", "Event not found.");
        CompletionException e = assertThrows(CompletionException.class,
                () -> relations.relations(PARENT, RelationsQuery.all()).join());
        MatrixApiException api = assertInstanceOf(MatrixApiException.class, e.getCause());
        assertEquals(404, api.httpStatus());
        assertInstanceOf(MatrixException.class, api);
    }
}
