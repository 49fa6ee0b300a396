package dev.mxj;

import dev.mxj.auth.Session;
import dev.mxj.event.EventContent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.relations.ReactionGroup;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;
import dev.mxj.room.ReceiptType;
import dev.mxj.room.Room;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.sync.SyncSettings;
import dev.mxj.testing.Pause;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import dev.mxj.timeline.ThreadInfo;
import dev.mxj.timeline.ThreadTimeline;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two mxj clients, each with its own sync loop, talk in one room on a real Dendrite, through the public
 * API only: each sees the other's messages, replies, edits, reactions, redactions, thread replies, read
 * receipts and typing, in its timeline (with the aggregations applied to the items) and room.
 */
@ExtendWith(DendriteExtension.class)
class TwoClientsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void twoUsersSeeEachOthersConversation(Dendrite dendrite, TestUser aliceUser, TestUser bobUser) throws Exception {
        UserId aliceId = UserId.of(aliceUser.userId());
        UserId bobId = UserId.of(bobUser.userId());
        try (MatrixClient alice = client(dendrite, aliceUser); MatrixClient bob = client(dendrite, bobUser)) {
            Room aliceRoom = await(alice.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT)
                    .invite(bobId).build()));
            await(bob.rooms().join(aliceRoom.roomId()));
            SyncSettings fast = SyncSettings.defaults().withTimeout(Duration.ofSeconds(1));
            alice.sync().start(fast);
            bob.sync().start(fast);
            Room bobRoom = eventually("bob's client has the room", () -> bob.rooms().room(aliceRoom.roomId()));

            try (Timeline aliceTimeline = aliceRoom.timeline(); Timeline bobTimeline = bobRoom.timeline()) {
                // A message, and a reply to it.
                EventId hello = await(aliceRoom.sendText("hello **bob**").sent());
                TimelineItem.Event seenHello = eventually("bob sees alice's message", () -> item(bobTimeline, hello));
                assertEquals("hello **bob**", body(seenHello.content()));
                assertEquals(aliceId, seenHello.event().raw().string("sender").map(UserId::of).orElseThrow());

                EventId reply = await(bobRoom.reply(hello, "hi alice").sent());
                TimelineItem.Event seenReply = eventually("alice sees bob's reply", () -> item(aliceTimeline, reply));
                assertEquals(Optional.of(hello), seenReply.aggregations().inReplyTo());
                assertEquals("hi alice", body(seenReply.content()));

                // An edit: bob's item of the message shows the new text.
                await(aliceRoom.edit(hello, "hello, bob!").sent());
                TimelineItem.Event edited = eventually("bob sees the edit", () -> item(bobTimeline, hello)
                        .filter(TimelineItem.Event::isEdited));
                assertEquals("hello, bob!", body(edited.content()));
                assertEquals(1, edited.aggregations().edits().size());

                // A reaction: alice's item of her message counts bob's.
                await(bobRoom.react(hello, "👍").sent());
                TimelineItem.Event reacted = eventually("alice sees bob's reaction", () -> item(aliceTimeline, hello)
                        .filter(i -> !i.aggregations().reactions().isEmpty()));
                ReactionGroup thumbs = reacted.aggregations().reactions().get(0);
                assertEquals("👍", thumbs.key());
                assertEquals(List.of(bobId), thumbs.senders());
                assertTrue(reacted.isEdited(), "the edit still applies");

                // A redaction: bob's item of alice's message is redacted.
                EventId oops = await(aliceRoom.sendText("oops, wrong room").sent());
                eventually("bob sees the message to redact", () -> item(bobTimeline, oops));
                await(aliceRoom.redact(oops, Optional.of("wrong room")).sent());
                eventually("bob sees it redacted", () -> item(bobTimeline, oops).filter(TimelineItem.Event::isRedacted));

                // A thread: alice replies in a thread on bob's reply; bob replies in it too.
                EventId inThread = await(aliceRoom.sendThreadReply(reply, "a thread on that").sent());
                TimelineItem.Event root = eventually("bob's timeline shows the thread on his message",
                        () -> item(bobTimeline, reply).filter(i -> i.aggregations().thread().isPresent()));
                ThreadInfo info = root.aggregations().thread().orElseThrow();
                assertEquals(1, info.replies());
                assertEquals(Optional.of(inThread), info.latestReply().flatMap(TimelineItem.Event::eventId));
                assertTrue(item(bobTimeline, inThread).isEmpty(), "a thread reply is not in the main timeline");
                try (ThreadTimeline bobThread = bobTimeline.thread(reply)) {
                    eventually("bob's thread timeline has alice's reply", () -> item(bobThread.items(), inThread));
                    EventId answer = await(bobRoom.sendThreadReply(reply, "and an answer").sent());
                    eventually("bob's thread timeline has his answer", () -> item(bobThread.items(), answer));
                    eventually("alice's thread summary counts both replies", () -> item(aliceTimeline, reply)
                            .flatMap(i -> i.aggregations().thread()).filter(t -> t.replies() == 2));
                }

                // Read receipts: bob reads up to alice's newest message; alice sees it on that item.
                EventId last = await(aliceRoom.sendText("did you read this?").sent());
                eventually("bob sees the question", () -> item(bobTimeline, last));
                assertEquals(Optional.of(last), await(bobTimeline.markAsRead(ReceiptType.READ)));
                eventually("alice sees bob's read receipt on her message", () -> item(aliceTimeline, last)
                        .filter(i -> i.aggregations().readReceipts().stream().anyMatch(r -> r.userId().equals(bobId))));
                assertTrue(aliceRoom.receipts().stream().anyMatch(r -> r.userId().equals(bobId)
                        && r.eventId().equals(last)));

                // Typing, on and off.
                await(bobRoom.sendTyping(true, Duration.ofSeconds(20)));
                eventually("alice sees bob typing", () -> aliceRoom.typing().contains(bobId) ? Optional.of(true)
                        : Optional.empty());
                await(bobRoom.sendTyping(false, Duration.ZERO));
                eventually("alice sees bob stop typing", () -> aliceRoom.typing().isEmpty() ? Optional.of(true)
                        : Optional.empty());
            } finally {
                alice.sync().stop().get(30, TimeUnit.SECONDS);
                bob.sync().stop().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static MatrixClient client(Dendrite dendrite, TestUser user) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                user.accessToken()));
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).sessionStore(store).build();
    }

    private static Optional<TimelineItem.Event> item(Timeline timeline, EventId id) {
        return item(timeline.items(), id);
    }

    private static Optional<TimelineItem.Event> item(List<TimelineItem> items, EventId id) {
        return items.stream().filter(TimelineItem.Event.class::isInstance).map(TimelineItem.Event.class::cast)
                .filter(i -> i.eventId().equals(Optional.of(id))).findFirst();
    }

    private static String body(Optional<EventContent> content) {
        return content.filter(RoomMessageContent.class::isInstance).map(RoomMessageContent.class::cast)
                .map(RoomMessageContent::body).orElseThrow(() -> new AssertionError("not a message: " + content));
    }

    private static <T> T eventually(String what, Supplier<Optional<T>> probe) {
        return Pause.eventually(what, WAIT, probe);
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }
}
