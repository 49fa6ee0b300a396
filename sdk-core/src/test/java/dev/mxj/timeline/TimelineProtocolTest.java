package dev.mxj.timeline;

import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.TimelineGap;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.mxj.timeline.TimelineJson.ROOM;
import static dev.mxj.timeline.TimelineJson.create;
import static dev.mxj.timeline.TimelineJson.messages;
import static dev.mxj.timeline.TimelineJson.specMessagesExample;
import static dev.mxj.timeline.TimelineJson.sync;
import static dev.mxj.timeline.TimelineJson.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeline subscriptions and back-pagination against the mock homeserver, with the spec's /messages example. */
class TimelineProtocolTest {
    private static final String SPEC_EVENT = "$143273582443PhrSn:example.org";

    /** A subscriber that mirrors the items from its snapshot and diffs. */
    static final class Mirror {
        final BlockingQueue<TimelineUpdate> updates = new LinkedBlockingQueue<>();
        final List<TimelineItem> items = new ArrayList<>();

        void accept(TimelineUpdate update) {
            updates.add(update);
        }

        TimelineUpdate next() throws InterruptedException {
            TimelineUpdate update = updates.poll(5, TimeUnit.SECONDS);
            if (update == null) {
                throw new AssertionError("no timeline update within 5 s");
            }
            if (update instanceof TimelineUpdate.Snapshot snapshot) {
                items.clear();
                items.addAll(snapshot.items());
            } else {
                ((TimelineUpdate.Diffs) update).diffs().forEach(diff -> diff.applyTo(items));
            }
            return update;
        }
    }

    static List<String> ids(List<TimelineItem> items) {
        return items.stream().map(item -> item instanceof TimelineItem.Event event
                ? event.eventId().map(EventId::value).orElse("?") : "gap").toList();
    }

    private static MatrixClient syncedClient(MockHomeserver mock, MemoryStateStore store, String syncJson) {
        store.saveSession(mock.session());
        mock.ok("{\"filter_id\":\"1\"}").ok(syncJson);
        MatrixClient client = mock.builder().stateStore(store).build();
        client.sync().syncOnce().join();
        mock.take();
        mock.take();
        return client;
    }

    @Test
    void paginatesBackAtTheGapPersistsDeduplicatesAndFindsTheStart() throws Exception {
        try (MockHomeserver mock = MockHomeserver.start()) {
            MemoryStateStore store = new MemoryStateStore();
            try (MatrixClient client = syncedClient(mock, store, sync("s1", true, "p1",
                    List.of(text("e1", 10), text("e2", 11))));
                 Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
                Mirror mirror = new Mirror();
                try (AutoCloseable sub = timeline.subscribe(mirror::accept)) {
                    assertInstanceOf(TimelineUpdate.Snapshot.class, mirror.next());
                    assertEquals(List.of("gap", "$e1", "$e2"), ids(mirror.items));

                    mock.ok(specMessagesExample());
                    PaginationResult first = timeline.paginateBackwards(10).get(5, TimeUnit.SECONDS);
                    RecordedRequest request = mock.take();
                    assertEquals("GET", request.getMethod());
                    assertEquals(List.of("_matrix", "client", "v3", "rooms", ROOM.value(), "messages"),
                            request.getUrl().pathSegments());
                    assertEquals("b", request.getUrl().queryParameter("dir"));
                    assertEquals("p1", request.getUrl().queryParameter("from"));
                    assertEquals("10", request.getUrl().queryParameter("limit"));
                    assertEquals(new PaginationResult(1, false), first, "the example's 3 events share one ID");
                    mirror.next();
                    assertEquals(List.of("gap", SPEC_EVENT, "$e1", "$e2"), ids(mirror.items));
                    assertEquals(List.of("t47409-4357353_219380_26003_2265"),
                            store.gaps(ROOM).stream().map(TimelineGap::prevBatch).toList());

                    mock.ok(messages("t47409-4357353_219380_26003_2265", null, List.of(text("e0", 5), create())));
                    assertEquals(new PaginationResult(2, true), timeline.paginateBackwards(10).get(5, TimeUnit.SECONDS));
                    mirror.next();
                    List<String> all = List.of("$create", "$e0", SPEC_EVENT, "$e1", "$e2");
                    assertEquals(all, ids(mirror.items));
                    assertEquals(all, ids(timeline.items()));
                    assertEquals(List.of(), store.gaps(ROOM));
                    assertEquals(all, store.latestEvents(ROOM, 10).stream()
                            .map(e -> e.event().raw().string("event_id").orElseThrow()).toList(), "persisted");
                    assertEquals(new PaginationResult(0, true), timeline.paginateBackwards(10).get(5, TimeUnit.SECONDS));
                    assertEquals(4, mock.requestCount(), "the start was reached: no more requests");
                }
            }
        }
    }

    @Test
    void liveSyncAppendsAndALimitedSyncResets() throws Exception {
        try (MockHomeserver mock = MockHomeserver.start()) {
            MemoryStateStore store = new MemoryStateStore();
            try (MatrixClient client = syncedClient(mock, store, sync("s1", false, "p1", List.of(text("e1", 1))));
                 Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
                Mirror mirror = new Mirror();
                Mirror throwing = new Mirror();
                try (AutoCloseable bad = timeline.subscribe(update -> {
                    throwing.accept(update);
                    throw new IllegalStateException("test: a throwing subscriber");
                }); AutoCloseable sub = timeline.subscribe(mirror::accept)) {
                    mirror.next();
                    mock.ok(sync("s2", false, "p2", List.of(text("e2", 2), text("e1", 1))));
                    client.sync().syncOnce().join();
                    TimelineUpdate update = mirror.next();
                    assertTrue(((TimelineUpdate.Diffs) update).diffs().stream()
                            .anyMatch(d -> d instanceof TimelineDiff.Append), update.toString());
                    assertEquals(List.of("$e1", "$e2"), ids(mirror.items));

                    mock.ok(sync("s3", true, "p9", List.of(text("e9", 9))));
                    client.sync().syncOnce().join();
                    update = mirror.next();
                    assertInstanceOf(TimelineDiff.Reset.class, ((TimelineUpdate.Diffs) update).diffs().get(0));
                    assertEquals(List.of("gap", "$e9"), ids(mirror.items));
                    throwing.next();
                    throwing.next();
                    throwing.next();
                    assertEquals(ids(mirror.items), ids(throwing.items), "the thrower kept its subscription");
                }
            }
        }
    }

    @Test
    void cancellingAPaginationCancelsItsCallAndTheNextOneStillWorks() throws Exception {
        try (MockHomeserver mock = MockHomeserver.start()) {
            MemoryStateStore store = new MemoryStateStore();
            try (MatrixClient client = syncedClient(mock, store, sync("s1", true, "p1", List.of(text("e1", 1))));
                 Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
                mock.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS)
                        .body(messages("p1", "p0", List.of(text("e0", 0)))).build());
                CompletableFuture<PaginationResult> slow = timeline.paginateBackwards(5);
                mock.take();
                slow.cancel(true);
                mock.ok(messages("p1", null, List.of(create())));
                assertEquals(new PaginationResult(1, true), timeline.paginateBackwards(5).get(5, TimeUnit.SECONDS));
                assertEquals(List.of("$create", "$e1"), ids(timeline.items()), "the cancelled page was not stored");
            }
        }
    }

    @Test
    void servesOlderStoredEventsBeforeAskingTheServer() throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            events.add(text("e" + i, i));
        }
        try (MockHomeserver mock = MockHomeserver.start()) {
            MemoryStateStore store = new MemoryStateStore();
            try (MatrixClient client = syncedClient(mock, store, sync("s1", false, "p1", events));
                 Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
                assertEquals(20, timeline.items().size());
                assertEquals("$e6", ids(timeline.items()).get(0));
                assertEquals(new PaginationResult(3, false), timeline.paginateBackwards(3).get(5, TimeUnit.SECONDS));
                assertEquals(new PaginationResult(2, true), timeline.paginateBackwards(3).get(5, TimeUnit.SECONDS));
                assertEquals("$e1", ids(timeline.items()).get(0));
                assertEquals(25, timeline.items().size());
                assertEquals(2, mock.requestCount(), "only the filter and the sync: the store served the rest");
            }
        }
    }
}
