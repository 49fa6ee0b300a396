package dev.mxj.internal.event;

import dev.mxj.event.KnownContent;
import dev.mxj.event.RoomNameContent;
import dev.mxj.json.RawJson;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parsers of the spec's event types mxj models. A parser throws {@link IllegalArgumentException}
 * (with a message saying which field is wrong) for content that breaks its schema.
 */
public final class KnownContents {
    private static final Map<String, Function<RawJson, KnownContent>> PARSERS = Map.of(
            RoomNameContent.TYPE, c -> new RoomNameContent(Fields.requireString(c, "name")));

    private KnownContents() {
    }

    public static Optional<KnownContent> parse(String type, RawJson content) {
        Function<RawJson, KnownContent> parser = PARSERS.get(type);
        return parser == null ? Optional.empty() : Optional.of(parser.apply(content));
    }
}
