package dev.mxj.event;

import java.util.Map;
import java.util.Optional;

/**
 * {@code m.tag} (room account data): the user's tags on the room, by tag name.
 *
 * @param tags each tag and its details; empty when {@code tags} is absent
 */
public record TagContent(Map<String, Tag> tags) implements KnownContent {
    public static final String TYPE = "m.tag";
    public static final String FAVOURITE = "m.favourite";
    public static final String LOW_PRIORITY = "m.lowpriority";
    public static final String SERVER_NOTICE = "m.server_notice";

    public TagContent {
        tags = Map.copyOf(tags);
    }

    /**
     * One tag.
     *
     * @param order the room's position under the tag, in [0, 1]; empty when absent or not a number
     */
    public record Tag(Optional<Double> order) {
    }

    @Override
    public String type() {
        return TYPE;
    }
}
