package dev.mxj.event;

import dev.mxj.json.RawJson;

import java.util.Optional;

/**
 * {@code m.room.message}: a message. {@code msgtype} and {@code body} are required.
 *
 * @param message    the {@code msgtype}-specific content
 * @param relatesTo  {@code m.relates_to}, for edits, replies and threads
 * @param newContent {@code m.new_content}: the replacement content of an edit, kept raw
 */
public record RoomMessageContent(MessageType message, Optional<Relation> relatesTo, Optional<RawJson> newContent)
        implements KnownContent {
    public static final String TYPE = "m.room.message";

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code msgtype}. */
    public String msgtype() {
        return message.msgtype();
    }

    /** {@code body}. */
    public String body() {
        return message.body();
    }

    /** True if this is an edit of another event ({@code rel_type} {@code m.replace}). */
    public boolean isEdit() {
        return relatesTo.filter(r -> r.is(Relation.REPLACE)).isPresent();
    }
}
