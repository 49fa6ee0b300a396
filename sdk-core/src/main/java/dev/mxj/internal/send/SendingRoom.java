package dev.mxj.internal.send;

import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Room;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendHandle;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The sending half of a {@link Room}: every send goes through the client's {@link SendQueue}. */
public abstract class SendingRoom implements Room {
    /** How many of the room's newest stored events a thread reply looks through for the thread's newest. */
    private static final int THREAD_LOOKBACK = 200;

    private final SendQueue sends;
    private final StateStore store;
    private final Supplier<Optional<UserId>> self;

    protected SendingRoom(SendQueue sends, StateStore store, Supplier<Optional<UserId>> self) {
        this.sends = sends;
        this.store = store;
        this.self = self;
    }

    @Override
    public SendHandle sendText(String markdown) {
        return message("m.text", markdown);
    }

    @Override
    public SendHandle sendNotice(String markdown) {
        return message("m.notice", markdown);
    }

    @Override
    public SendHandle sendEmote(String markdown) {
        return message("m.emote", markdown);
    }

    @Override
    public SendHandle sendEvent(String type, RawJson content) {
        Objects.requireNonNull(type, "type");
        if (type.isEmpty()) {
            throw new IllegalArgumentException("An event type must not be empty");
        }
        return sends.enqueue(roomId(), type, content, Optional.empty());
    }

    @Override
    public SendHandle reply(EventId event, String markdown) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(markdown, "markdown");
        Optional<UserId> sender = store.event(roomId(), event).flatMap(e -> e.event() instanceof RoomEvent r
                ? Optional.of(r.sender()) : Optional.empty());
        return sendEvent(MessageContents.MESSAGE, MessageContents.reply("m.text", markdown, event, sender, self.get()));
    }

    @Override
    public SendHandle sendThreadReply(EventId root, String markdown) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(markdown, "markdown");
        return sendEvent(MessageContents.MESSAGE, MessageContents.threadReply("m.text", markdown, root,
                latestInThread(root)));
    }

    /** The newest stored event of the thread of {@code root} (among the room's newest), else the root. */
    private EventId latestInThread(EventId root) {
        List<StoredEvent> newest = store.latestEvents(roomId(), THREAD_LOOKBACK);
        for (int i = newest.size() - 1; i >= 0; i--) {
            if (newest.get(i).event() instanceof RoomEvent e && e.raw().object("content")
                    .flatMap(c -> c.object("m.relates_to"))
                    .filter(r -> r.string("rel_type").equals(Optional.of("m.thread"))
                            && r.string("event_id").equals(Optional.of(root.value()))).isPresent()) {
                return e.eventId();
            }
        }
        return root;
    }

    @Override
    public SendHandle edit(EventId event, String markdown) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(markdown, "markdown");
        return sendEvent(MessageContents.MESSAGE, MessageContents.edit("m.text", markdown, event));
    }

    @Override
    public SendHandle react(EventId event, String key) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(key, "key");
        return sendEvent(MessageContents.REACTION, MessageContents.reaction(event, key));
    }

    @Override
    public SendHandle redact(EventId event, Optional<String> reason) {
        Objects.requireNonNull(event, "event");
        return sends.enqueue(roomId(), MessageContents.REDACTION, MessageContents.redaction(reason),
                Optional.of(event));
    }

    @Override
    public List<LocalEcho> localEchoes() {
        return sends.localEchoes(roomId());
    }

    @Override
    public Optional<SendHandle> queuedSend(String transactionId) {
        return sends.handle(roomId(), Objects.requireNonNull(transactionId, "transactionId"));
    }

    @Override
    public AutoCloseable onSendStateChanged(Consumer<? super LocalEcho> listener) {
        return sends.onStateChanged(roomId(), listener);
    }

    private SendHandle message(String msgtype, String markdown) {
        Objects.requireNonNull(markdown, "markdown");
        return sendEvent(MessageContents.MESSAGE, MessageContents.plain(msgtype, markdown));
    }

    @Override
    public abstract RoomId roomId();
}
