package dev.mxj.relations;

import dev.mxj.MatrixApiException;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.http.AccessTokenSource;
import dev.mxj.internal.http.Transport;
import dev.mxj.internal.relations.RelationCalls;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.MockHomeserver;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edits, reactions and a thread reply sent to a real Dendrite, read back through {@code /relations}.
 * Dendrite 0.13.8 answers {@code /threads} with {@code M_UNRECOGNIZED} and bundles no aggregations,
 * so the thread list and thread summaries are covered by the protocol tests only.
 */
@ExtendWith(DendriteExtension.class)
class RelationsIT {

    @Test
    void relationsOfAMessageAggregate(Dendrite dendrite, TestUser alice, TestUser bob) {
        RawClient a = new RawClient(dendrite.baseUrl(), alice.userId(), alice.accessToken());
        RawClient b = new RawClient(dendrite.baseUrl(), bob.userId(), bob.accessToken());
        String room = a.createRoom(Map.of("preset", "public_chat"));
        b.join(room);
        String original = a.send(room, "helo");
        String edit = a.sendEvent(room, "m.room.message", Map.of("msgtype", "m.text", "body", "* hello",
                "m.new_content", Map.of("msgtype", "m.text", "body", "hello"),
                "m.relates_to", Map.of("rel_type", "m.replace", "event_id", original)));
        a.sendEvent(room, "m.reaction", annotation(original, "👍"));
        b.sendEvent(room, "m.reaction", annotation(original, "👍"));
        String threadReply = b.sendEvent(room, "m.room.message", Map.of("msgtype", "m.text", "body", "in thread",
                "m.relates_to", Map.of("rel_type", "m.thread", "event_id", original, "is_falling_back", true,
                        "m.in_reply_to", Map.of("event_id", original))));

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            RoomRelations relations = new RelationCalls(transport(dendrite, alice, scheduler),
                    EventRegistry.defaults(), new MemoryStateStore(), RoomId.of(room));
            RoomEvent root = (RoomEvent) await(relations.event(EventId.of(original)));
            List<RoomEvent> children = events(await(relations.relations(EventId.of(original),
                    RelationsQuery.all().withLimit(50))).chunk());
            assertEquals(4, children.size(), "the edit, two reactions and the thread reply");
            assertEquals(Optional.of(EventId.of(edit)), Edits.latest(root, children).map(RoomEvent::eventId));
            assertEquals("hello", Edits.currentContent(root, children).string("body").orElseThrow());

            List<RoomEvent> reactions = events(await(relations.relations(EventId.of(original),
                    RelationsQuery.all().withTypes("m.annotation", "m.reaction"))).chunk());
            List<ReactionGroup> groups = Reactions.aggregate(EventId.of(original), reactions);
            assertEquals(1, groups.size());
            assertEquals(2, groups.get(0).count());
            assertTrue(groups.get(0).senders().contains(UserId.of(bob.userId())));
            assertTrue(Reactions.toggle(groups, UserId.of(alice.userId()), "👍") instanceof ReactionToggle.Redact);

            List<RoomEvent> thread = events(await(relations.relations(EventId.of(original),
                    RelationsQuery.all().withRelType("m.thread"))).chunk());
            assertEquals(List.of(EventId.of(threadReply)), thread.stream().map(RoomEvent::eventId).toList());
            assertTrue(Replies.inReplyTo(thread.get(0)).isEmpty(), "a thread fallback is not a reply");
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static Map<String, Object> annotation(String target, String key) {
        return Map.of("m.relates_to", Map.of("rel_type", "m.annotation", "event_id", target, "key", key));
    }

    private static List<RoomEvent> events(List<SyncEvent> chunk) {
        return chunk.stream().filter(RoomEvent.class::isInstance).map(RoomEvent.class::cast).toList();
    }

    private static Transport transport(Dendrite dendrite, TestUser user, ScheduledExecutorService scheduler) {
        Transport transport = new Transport(new OkHttpClient(), dendrite.baseUrl(), MockHomeserver.fastRetries(),
                scheduler, "mxj-it");
        transport.setTokenSource(new AccessTokenSource() {
            @Override
            public CompletableFuture<String> accessToken() {
                return CompletableFuture.completedFuture(user.accessToken());
            }

            @Override
            public CompletableFuture<Boolean> tokenRejected(String rejected, MatrixApiException error) {
                return CompletableFuture.failedFuture(error);
            }
        });
        return transport;
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
