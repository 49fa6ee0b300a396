package dev.mxj.internal.event;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.SyncEvent;
import dev.mxj.internal.Handover;

import java.util.Map;

/**
 * Parses a room event of which sync's parser has checked the whole text but read only the
 * envelope: the event keeps its text, and its tree is parsed when something reads a field of it.
 * A big first sync stores a hundred thousand timeline events without reading them. Not API: this
 * trusts its caller to have checked the text, so {@link EventRegistry} keeps it out of its public
 * methods and hands it to this class when it is initialised.
 */
public final class Envelopes {
    /** What {@link EventRegistry} gives this class. */
    public interface Parser {
        /** {@code envelope}: the {@link #fields()} of the event, or null if it is not an object. */
        SyncEvent parse(EventRegistry registry, String json, Map<?, ?> envelope);
    }

    private static final Handover<Parser> PARSER = new Handover<>("EventRegistry's envelope parser",
            EventRegistry.class);

    private Envelopes() {
    }

    /** The top-level fields a room event's envelope is made of, for the parser to read. */
    public static String[] fields() {
        return new String[] {"event_id", "type", "sender", "origin_server_ts", "state_key"};
    }

    /** Called once, by {@link EventRegistry}'s static initialiser. */
    public static void install(Parser p) {
        PARSER.install(p);
    }

    /**
     * {@link EventRegistry#parseRoomEvent} for {@code json}, which a parser found valid JSON and
     * read only the {@link #fields()} of ({@code envelope}; null if it is not an object).
     */
    public static SyncEvent parse(EventRegistry registry, String json, Map<?, ?> envelope) {
        return PARSER.get().parse(registry, json, envelope);
    }
}
