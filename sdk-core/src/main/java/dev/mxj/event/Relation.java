package dev.mxj.event;

import dev.mxj.id.EventId;
import dev.mxj.json.RawJson;

import java.util.Optional;

/**
 * {@code m.relates_to}, modelled minimally: how this event relates to another (an edit, a thread
 * reply, a reaction, a reply). Fields of the wrong type are read as absent; the object is kept raw.
 *
 * @param relType     {@code rel_type}, e.g. {@link #REPLACE}; empty for a plain reply
 * @param eventId     {@code event_id}: the event related to
 * @param key         {@code key}, for annotations (reactions)
 * @param inReplyTo   {@code m.in_reply_to.event_id}: the event replied to
 * @param fallingBack {@code is_falling_back}: in a thread, the reply is only a fallback for clients
 *                    that do not show threads
 * @param raw         the whole {@code m.relates_to} object
 */
public record Relation(Optional<String> relType, Optional<EventId> eventId, Optional<String> key,
                       Optional<EventId> inReplyTo, boolean fallingBack, RawJson raw) {
    public static final String ANNOTATION = "m.annotation";
    public static final String REPLACE = "m.replace";
    public static final String THREAD = "m.thread";
    public static final String REFERENCE = "m.reference";

    /** True if {@code rel_type} is {@code relType}. */
    public boolean is(String relType) {
        return this.relType.filter(relType::equals).isPresent();
    }
}
