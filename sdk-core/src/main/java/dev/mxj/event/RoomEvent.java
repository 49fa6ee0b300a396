package dev.mxj.event;

import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;

/**
 * A room event (timeline or state) with a valid envelope. The content may still be
 * {@link FailedToParse}.
 *
 * <p>An event made by {@link EventRegistry#parseRoomEvent} parses its typed content on the first
 * call of {@link #content()}, not when it is made: a first sync brings a hundred thousand events
 * and stores them without looking at their content, so parsing it up front would be wasted work.
 * The result is the same either way, and parsing never throws. A parser registered with
 * {@link EventRegistry#with} therefore runs on the thread that first asks for the content, and
 * must not depend on which thread that is. Instances are immutable and safe to share between
 * threads. Two events are equal when all their parts, content included, are equal.
 */
public final class RoomEvent implements SyncEvent {
    private final EventId eventId;
    private final String type;
    private final UserId sender;
    private final long originServerTs;
    private final Optional<String> stateKey;
    private final RawJson raw;
    /** Parses the content on first use; null when the content was given. */
    private final EventRegistry parser;
    private volatile EventContent content;

    /**
     * @param eventId        the event's ID
     * @param type           the event type
     * @param sender         who sent it
     * @param originServerTs when the sender's server received it, ms since the epoch
     * @param stateKey       present for state events (may be the empty string)
     * @param content        the typed content
     * @param raw            the whole event JSON as received (with {@code unsigned})
     */
    public RoomEvent(EventId eventId, String type, UserId sender, long originServerTs, Optional<String> stateKey,
                     EventContent content, RawJson raw) {
        this(eventId, type, sender, originServerTs, stateKey, raw, null, Objects.requireNonNull(content, "content"));
    }

    private RoomEvent(EventId eventId, String type, UserId sender, long originServerTs, Optional<String> stateKey,
                      RawJson raw, EventRegistry parser, EventContent content) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.type = Objects.requireNonNull(type, "type");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.originServerTs = originServerTs;
        this.stateKey = Objects.requireNonNull(stateKey, "stateKey");
        this.raw = Objects.requireNonNull(raw, "raw");
        this.parser = parser;
        this.content = content;
    }

    /** An event whose content {@code registry} parses from {@code raw}'s {@code content} when first asked. */
    static RoomEvent parsedLater(EventId eventId, String type, UserId sender, long originServerTs,
                                 Optional<String> stateKey, RawJson raw, EventRegistry registry) {
        return new RoomEvent(eventId, type, sender, originServerTs, stateKey, raw, registry, null);
    }

    /** The event's ID. */
    public EventId eventId() {
        return eventId;
    }

    /** The event type. */
    public String type() {
        return type;
    }

    /** Who sent it. */
    public UserId sender() {
        return sender;
    }

    /** When the sender's server received it, ms since the epoch. */
    public long originServerTs() {
        return originServerTs;
    }

    /** Present for state events (may be the empty string). */
    public Optional<String> stateKey() {
        return stateKey;
    }

    /** The typed content, parsed on the first call (see the class comment). */
    public EventContent content() {
        EventContent parsed = content;
        if (parsed == null) {
            // Two threads may both parse; they get equal values and either one is kept.
            parsed = parser.parseContent(type, raw.object("content").orElse(RawJson.emptyObject()));
            content = parsed;
        }
        return parsed;
    }

    /** The whole event JSON as received (with {@code unsigned}). */
    @Override
    public RawJson raw() {
        return raw;
    }

    public boolean isState() {
        return stateKey.isPresent();
    }

    /** The event's {@code unsigned} object, or an empty object. */
    public RawJson unsigned() {
        return raw.object("unsigned").orElse(RawJson.emptyObject());
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RoomEvent other
                && originServerTs == other.originServerTs
                && eventId.equals(other.eventId)
                && type.equals(other.type)
                && sender.equals(other.sender)
                && stateKey.equals(other.stateKey)
                && raw.equals(other.raw)
                && content().equals(other.content());
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, type, sender, originServerTs, stateKey, content(), raw);
    }

    @Override
    public String toString() {
        return "RoomEvent[eventId=" + eventId + ", type=" + type + ", sender=" + sender + ", originServerTs="
                + originServerTs + ", stateKey=" + stateKey + ", content=" + content() + ", raw=" + raw + "]";
    }
}
