package dev.mxj.send;

import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.internal.timeline.TimelineModel;
import dev.mxj.json.RawJson;
import dev.mxj.timeline.TimelineDiff;
import dev.mxj.timeline.TimelineItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mxj.send.SendSupport.ROOM;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.message;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.roomEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Local echoes in the timeline: last, updated in place, replaced by the remote echo, gone when cancelled. */
class SendTimelineTest {
    private final TimelineModel model = new TimelineModel();
    private final List<TimelineItem> mirror = new ArrayList<>();

    private void follow(List<TimelineDiff> diffs) {
        diffs.forEach(diff -> diff.applyTo(mirror));
        assertEquals(model.items(), mirror, "the diffs reproduce the items");
    }

    private static LocalEcho echo(String txn, SendState state) {
        return new LocalEcho(ROOM, txn, "m.room.message", RawJson.parse("{\"body\":\"" + txn + "\"}"),
                Optional.empty(), state, Instant.EPOCH);
    }

    private static RoomEvent remote(String name, String txn) {
        return roomEvent(obj("type", "m.room.message", "event_id", "$" + name, "sender", ALICE.value(),
                "origin_server_ts", 1L, "content", obj("msgtype", "m.text", "body", txn),
                "unsigned", obj("transaction_id", txn)));
    }

    private List<String> shape() {
        return model.items().stream().map(item -> item instanceof TimelineItem.Local l
                ? "local:" + l.echo().transactionId() + ":" + l.echo().state().getClass().getSimpleName()
                : item instanceof TimelineItem.Event e ? e.eventId().map(EventId::value).orElse("?") : "gap").toList();
    }

    @Test
    void aLocalEchoIsShownLastAndReplacedByItsRemoteEcho() {
        follow(model.reset(List.of(message("a", ALICE, "a")), false));
        follow(model.upsertLocal(echo("t1", new SendState.Pending())));
        follow(model.upsertLocal(echo("t2", new SendState.Pending())));
        assertEquals(List.of("$a", "local:t1:Pending", "local:t2:Pending"), shape());

        follow(model.append(List.of(message("b", BOB, "from someone else"))));
        assertEquals(List.of("$a", "$b", "local:t1:Pending", "local:t2:Pending"), shape(),
                "newer events go before the local echoes");

        follow(model.upsertLocal(echo("t1", new SendState.Sent(EventId.of("$t1")))));
        assertEquals(List.of("$a", "$b", "local:t1:Sent", "local:t2:Pending"), shape());

        follow(model.append(List.of(remote("t1", "t1"))));
        assertEquals(List.of("$a", "$b", "$t1", "local:t2:Pending"), shape());
        follow(model.upsertLocal(echo("t1", new SendState.Sent(EventId.of("$t1")))));
        assertEquals(List.of("$a", "$b", "$t1", "local:t2:Pending"), shape(), "a late state is ignored");
    }

    @Test
    void aCancelledEchoGoesAndAResetKeepsTheRest() {
        follow(model.reset(List.of(), false));
        follow(model.upsertLocal(echo("t1", new SendState.Pending())));
        follow(model.upsertLocal(echo("t2", new SendState.Pending())));
        follow(model.upsertLocal(echo("t1", new SendState.Cancelled())));
        assertEquals(List.of("local:t2:Pending"), shape());

        follow(model.reset(List.of(message("c", ALICE, "c")), true));
        assertEquals(List.of("gap", "$c", "local:t2:Pending"), shape());
        follow(model.reset(List.of(remote("t2", "t2")), false, List.of(echo("t2", new SendState.Pending()))));
        assertEquals(List.of("$t2"), shape(), "an echo whose event is shown is left out");
    }
}
