package dev.mxj.event;

import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.internal.event.Envelopes;
import dev.mxj.internal.event.KnownContents;
import dev.mxj.internal.json.StringCache;
import dev.mxj.internal.json.TrustedJson;
import dev.mxj.json.RawJson;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns event JSON into typed values. Immutable: {@link #with} returns a copy that also knows an
 * application's own event type. Parsing never throws: a bad envelope becomes a
 * {@link MalformedEvent}, bad content a {@link FailedToParse}, an unknown type an
 * {@link UnknownContent}.
 */
public final class EventRegistry {
    private static final EventRegistry DEFAULTS = new EventRegistry(Map.of());
    /** Senders repeat across a sync's events; their IDs are checked once, not per event. */
    private static final StringCache<UserId> SENDERS = new StringCache<>(4096, UserId::of);

    private final Map<String, Function<RawJson, ?>> custom;

    static {
        // Sync's parser checks a timeline event's whole text but reads only its envelope.
        Envelopes.install(new Envelopes.Parser() {
            @Override
            public SyncEvent parse(EventRegistry registry, String json, Map<?, ?> envelope) {
                return registry.parseValidText(json, envelope);
            }
        });
    }

    private EventRegistry(Map<String, Function<RawJson, ?>> custom) {
        this.custom = custom;
    }

    /** The registry of the spec's event types mxj models. */
    public static EventRegistry defaults() {
        return DEFAULTS;
    }

    /**
     * A copy that parses {@code type} with {@code parser} into {@link CustomContent}. The parser may
     * throw {@link RuntimeException} for content it rejects; that becomes {@link FailedToParse}.
     * A registered type takes precedence over mxj's own model of it.
     */
    public EventRegistry with(String type, Function<RawJson, ?> parser) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parser, "parser");
        Map<String, Function<RawJson, ?>> copy = new HashMap<>(custom);
        copy.put(type, parser);
        return new EventRegistry(Map.copyOf(copy));
    }

    /** Parses the content of an event of {@code type}; never throws. */
    public EventContent parseContent(String type, RawJson content) {
        Function<RawJson, ?> parser = custom.get(type);
        try {
            if (parser != null) {
                Object value = parser.apply(content);
                if (value == null) {
                    return new FailedToParse(type, "the registered parser returned null", content);
                }
                return new CustomContent(type, value, content);
            }
            Optional<KnownContent> known = KnownContents.parse(type, content);
            return known.isPresent() ? known.get() : new UnknownContent(type, content);
        } catch (RuntimeException e) {
            return new FailedToParse(type, describe(e), content);
        }
    }

    /** Parses a timeline or state event; never throws. */
    public SyncEvent parseRoomEvent(RawJson raw) {
        // Reads the envelope straight from the parsed tree: this runs for every event of a sync.
        if (!(raw.tree() instanceof Map<?, ?> fields)) {
            return new MalformedEvent(Optional.empty(), Optional.empty(), "not a JSON object", raw);
        }
        return parseEnvelope(fields, raw);
    }

    /** {@link Envelopes#parse}: an event of which only the envelope was read from valid text. */
    private SyncEvent parseValidText(String json, Map<?, ?> envelope) {
        RawJson raw = TrustedJson.ofValidText(json);
        if (envelope == null) {
            return new MalformedEvent(Optional.empty(), Optional.empty(), "not a JSON object", raw);
        }
        return parseEnvelope(envelope, raw);
    }

    /** A room event from its envelope {@code fields} (all of the event's fields, or those of {@link Envelopes#fields()}). */
    private SyncEvent parseEnvelope(Map<?, ?> fields, RawJson raw) {
        Optional<String> eventId = stringField(fields, "event_id");
        Optional<String> type = stringField(fields, "type");
        try {
            if (type.isEmpty()) {
                return new MalformedEvent(eventId, type, "no \"type\" string", raw);
            }
            if (eventId.isEmpty()) {
                return new MalformedEvent(eventId, type, "no \"event_id\" string", raw);
            }
            if (!(fields.get("sender") instanceof String sender)) {
                return new MalformedEvent(eventId, type, "no \"sender\" string", raw);
            }
            Object ts = fields.get("origin_server_ts");
            long originServerTs = ts instanceof Long l ? l
                    : ts == null ? 0L : raw.longValue("origin_server_ts").orElse(0L);
            Optional<String> stateKey = Optional.empty();
            if (fields.containsKey("state_key")) {
                if (!(fields.get("state_key") instanceof String key)) {
                    throw new IllegalArgumentException("\"state_key\" is not a string");
                }
                stateKey = Optional.of(key);
            }
            // The content is parsed when first asked for: a sync stores most events without reading it.
            return RoomEvent.parsedLater(EventId.of(eventId.get()), type.get(), SENDERS.get(sender), originServerTs,
                    stateKey, raw, this);
        } catch (RuntimeException e) {
            return new MalformedEvent(eventId, type, describe(e), raw);
        }
    }

    private static Optional<String> stringField(Map<?, ?> fields, String key) {
        return fields.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** Parses a stripped state event (invite or knock state); empty if its envelope is unusable. */
    public Optional<StrippedStateEvent> parseStripped(RawJson raw) {
        try {
            Optional<String> type = raw.string("type");
            Optional<String> stateKey = raw.string("state_key");
            Optional<String> sender = raw.string("sender");
            if (type.isEmpty() || stateKey.isEmpty() || sender.isEmpty()) {
                return Optional.empty();
            }
            RawJson content = raw.object("content").orElse(RawJson.emptyObject());
            return Optional.of(new StrippedStateEvent(type.get(), stateKey.get(), UserId.of(sender.get()),
                    parseContent(type.get(), content), raw));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses an account-data or ephemeral event; empty if it has no type. */
    public Optional<BasicEvent> parseBasic(RawJson raw) {
        try {
            Optional<String> type = raw.string("type");
            if (type.isEmpty()) {
                return Optional.empty();
            }
            RawJson content = raw.object("content").orElse(RawJson.emptyObject());
            return Optional.of(new BasicEvent(type.get(), parseContent(type.get(), content), raw));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses a to-device event; empty if its envelope is unusable. */
    public Optional<ToDeviceEvent> parseToDevice(RawJson raw) {
        try {
            Optional<String> type = raw.string("type");
            Optional<String> sender = raw.string("sender");
            if (type.isEmpty() || sender.isEmpty()) {
                return Optional.empty();
            }
            RawJson content = raw.object("content").orElse(RawJson.emptyObject());
            return Optional.of(new ToDeviceEvent(type.get(), UserId.of(sender.get()),
                    parseContent(type.get(), content), raw));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
