package dev.mxj.send;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;
import dev.mxj.room.Room;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The send queue against a real Dendrite, seen by the sender's and a second user's sync. */
@ExtendWith(DendriteExtension.class)
class SendIT {

    @Test
    void messagesWithMarkdownComeBackBySyncAndLeaveTheQueue(Dendrite dendrite, TestUser alice) {
        try (MatrixClient me = client(dendrite, alice)) {
            Room room = await(me.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).build()));
            Timeline timeline = room.timeline();
            SendHandle text = room.sendText("plain text");
            SendSupport.eventually("local echoes in the timeline", () -> timeline.items().stream()
                    .anyMatch(TimelineItem.Local.class::isInstance));
            SendHandle markdown = room.sendText("**bold** _move_");
            SendHandle notice = room.sendNotice("a notice");
            SendHandle emote = room.sendEmote("waves");
            EventId emoteId = await(emote.sent());
            await(me.sync().syncOnce());

            SendSupport.eventually("remote echoes took the local ones out of the queue",
                    () -> room.localEchoes().isEmpty());
            RoomEvent bold = event(room, await(markdown.sent()));
            assertEquals(Optional.of("<strong>bold</strong> <em>move</em>"), bold.raw().object("content")
                    .orElseThrow().string("formatted_body"));
            assertEquals(Optional.of(markdown.transactionId()), bold.unsigned().string("transaction_id"));
            assertEquals(Optional.empty(), content(room, await(text.sent())).string("format"));
            assertEquals(Optional.of("m.notice"), content(room, await(notice.sent())).string("msgtype"));
            assertEquals(Optional.of("m.emote"), content(room, emoteId).string("msgtype"));
            SendSupport.eventually("remote echoes replaced the local ones in the timeline", () -> timeline.items()
                    .stream().noneMatch(TimelineItem.Local.class::isInstance) && timeline.items().stream()
                    .anyMatch(i -> i instanceof TimelineItem.Event e && e.eventId().equals(Optional.of(emoteId))));
            timeline.close();
        }
    }

    @Test
    void repliesEditsReactionsAndRedactionsReachASecondUser(Dendrite dendrite, TestUser alice, TestUser bob) {
        try (MatrixClient me = client(dendrite, alice); MatrixClient other = client(dendrite, bob)) {
            Room room = await(me.rooms().create(CreateRoomRequest.builder().preset(Preset.PUBLIC_CHAT).build()));
            await(other.rooms().join(room.roomId(), List.of()));
            EventId original = await(room.sendText("first draft").sent());
            EventId reply = await(room.reply(original, "a reply").sent());
            EventId edit = await(room.edit(original, "second draft").sent());
            EventId reaction = await(room.react(original, "👍").sent());
            EventId doomed = await(room.sendText("to be redacted").sent());
            EventId redaction = await(room.redact(doomed, Optional.of("test")).sent());

            await(other.sync().syncOnce());
            Room seen = other.rooms().room(room.roomId()).orElseThrow();
            assertEquals(Optional.of(original.value()), content(seen, reply).object("m.relates_to").orElseThrow()
                    .object("m.in_reply_to").orElseThrow().string("event_id"));
            RawJson edited = content(seen, edit);
            assertEquals(Optional.of("m.replace"), edited.object("m.relates_to").orElseThrow().string("rel_type"));
            assertEquals(Optional.of("second draft"), edited.object("m.new_content").orElseThrow().string("body"));
            assertEquals(Optional.of("👍"), content(seen, reaction).object("m.relates_to").orElseThrow().string("key"));
            RoomEvent redactionEvent = event(seen, redaction);
            assertTrue(redactionEvent.raw().string("redacts").or(() -> redactionEvent.raw().object("content")
                    .flatMap(c -> c.string("redacts"))).equals(Optional.of(doomed.value())));
        }
    }

    private static RoomEvent event(Room room, EventId id) {
        return room.latestEvents(100).stream().map(StoredEvent::event).filter(RoomEvent.class::isInstance)
                .map(RoomEvent.class::cast).filter(e -> e.eventId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the synced timeline"));
    }

    private static RawJson content(Room room, EventId id) {
        return event(room, id).raw().object("content").orElseThrow();
    }

    static MatrixClient client(Dendrite dendrite, TestUser user) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                user.accessToken()));
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).sessionStore(store).build();
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
