package dev.mxj.examples;

import dev.mxj.MatrixClient;
import dev.mxj.event.ReactionContent;
import dev.mxj.event.Relation;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Room;
import dev.mxj.store.StoredEvent;

import java.util.function.Consumer;

/**
 * Two local users talk in a room: a message, a reply, a reaction, an edit and a thread, then each
 * side reads what the other sent from its own synced store.
 */
final class Conversation {
    private final Consumer<String> say;

    Conversation(Consumer<String> say) {
        this.say = say;
    }

    void run(MatrixClient alice, MatrixClient bob) {
        UserId bobId = bob.session().orElseThrow().userId();
        Room aliceRoom = alice.rooms().create(CreateRoomRequest.builder().name("mxj demo room").invite(bobId).build())
                .join();
        RoomId roomId = aliceRoom.roomId();
        say.accept("Alice created " + roomId + " and invited " + bobId);

        bob.sync().syncOnce().join();
        Room bobRoom = bob.rooms().join(roomId).join();
        say.accept("Bob joined");

        EventId hello = aliceRoom.sendText("Hello **Bob**!").sent().join();
        say.accept("Alice: Hello **Bob**! (sent as Markdown)");
        bob.sync().syncOnce().join();
        bobRoom.reply(hello, "Hi Alice, good to see you").sent().join();
        bobRoom.react(hello, "👍").sent().join();
        RawJson threadMessage = RawJson.parse("{\"msgtype\":\"m.text\",\"body\":\"Starting a thread about it\","
                + "\"m.relates_to\":{\"rel_type\":\"m.thread\",\"event_id\":\"" + hello.value() + "\","
                + "\"is_falling_back\":true,\"m.in_reply_to\":{\"event_id\":\"" + hello.value() + "\"}}}");
        bobRoom.sendEvent(RoomMessageContent.TYPE, threadMessage).sent().join();
        say.accept("Bob replied, reacted with 👍 and started a thread");
        aliceRoom.edit(hello, "Hello **Bob**, welcome to mxj!").sent().join();
        say.accept("Alice edited her message");

        alice.sync().syncOnce().join();
        say.accept("Alice's store now holds:");
        for (StoredEvent stored : alice.rooms().room(roomId).orElseThrow().latestEvents(20)) {
            if (stored.event() instanceof RoomEvent event && !event.isState()) {
                say.accept("  " + describe(event));
            }
        }
    }

    private static String describe(RoomEvent event) {
        String who = event.sender().localpart();
        if (event.content() instanceof ReactionContent reaction) {
            return who + " reacted " + reaction.key();
        }
        if (event.content() instanceof RoomMessageContent message) {
            String kind = message.isEdit() ? "edit"
                    : message.relatesTo().filter(r -> r.is(Relation.THREAD)).isPresent() ? "thread"
                    : message.relatesTo().flatMap(Relation::inReplyTo).isPresent() ? "reply" : "message";
            return who + " (" + kind + "): " + message.body();
        }
        return who + " sent " + event.type();
    }
}
