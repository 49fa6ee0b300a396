package dev.mxj.event;

import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.Optional;

/**
 * A room event (timeline or state) with a valid envelope. The content may still be
 * {@link FailedToParse}.
 *
 * @param eventId        the event's ID
 * @param type           the event type
 * @param sender         who sent it
 * @param originServerTs when the sender's server received it, ms since the epoch
 * @param stateKey       present for state events (may be the empty string)
 * @param content        the typed content
 * @param raw            the whole event JSON as received (with {@code unsigned})
 */
public record RoomEvent(EventId eventId, String type, UserId sender, long originServerTs, Optional<String> stateKey,
                        EventContent content, RawJson raw) implements SyncEvent {
    public boolean isState() {
        return stateKey.isPresent();
    }

    /** The event's {@code unsigned} object, or an empty object. */
    public RawJson unsigned() {
        return raw.object("unsigned").orElse(RawJson.emptyObject());
    }
}
