package dev.mxj.event;

import java.util.List;
import java.util.Optional;

/**
 * {@code m.room.topic}: what the room is about.
 *
 * @param topic the plain-text {@code topic}; absent, null or empty means the topic is unset
 * @param text  the representations in {@code m.topic.m.text}, in the sender's order (may be empty)
 */
public record RoomTopicContent(Optional<String> topic, List<TextBlock> text) implements KnownContent {
    public static final String TYPE = "m.room.topic";

    public RoomTopicContent {
        text = List.copyOf(text);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The first representation of the topic in {@code mimetype}, e.g. {@link TextBlock#HTML}. */
    public Optional<String> text(String mimetype) {
        return text.stream().filter(b -> b.mimetype().equals(mimetype)).map(TextBlock::body).findFirst();
    }
}
