package dev.mxj.relations;

import dev.mxj.id.EventId;
import dev.mxj.json.RawJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The redaction algorithm of the room versions (1 to 12), applied locally: what an event looks like
 * once redacted. Pure: the input is not changed.
 *
 * <p>Rules by version: versions 1 to 10 keep the top-level keys {@code event_id, type, room_id,
 * sender, state_key, content, hashes, signatures, depth, prev_events, prev_state, auth_events,
 * origin, origin_server_ts, membership}; version 11 drops {@code origin}, {@code membership} and
 * {@code prev_state}. Content keys kept: {@code m.room.member} {@code membership} (plus
 * {@code join_authorised_via_users_server} from 9, and {@code third_party_invite.signed} from 11);
 * {@code m.room.create} {@code creator} (all of the content from 11); {@code m.room.join_rules}
 * {@code join_rule} (plus {@code allow} from 8); {@code m.room.power_levels} {@code ban, events,
 * events_default, kick, redact, state_default, users, users_default} (plus {@code invite} from 11);
 * {@code m.room.aliases} {@code aliases} (versions 1 to 5 only); {@code m.room.history_visibility}
 * {@code history_visibility}; {@code m.room.redaction} {@code redacts} (from 11). Version 12 does not
 * change the algorithm of 11. A version that is not a plain number (an experimental one) gets the
 * rules of 11, the newest ones.
 */
public final class Redaction {
    private static final Set<String> TOP_LEVEL_V1 = Set.of("event_id", "type", "room_id", "sender", "state_key",
            "content", "hashes", "signatures", "depth", "prev_events", "prev_state", "auth_events", "origin",
            "origin_server_ts", "membership");
    private static final Set<String> TOP_LEVEL_V11 = Set.of("event_id", "type", "room_id", "sender", "state_key",
            "content", "hashes", "signatures", "depth", "prev_events", "auth_events", "origin_server_ts");
    private static final List<String> POWER_LEVELS = List.of("ban", "events", "events_default", "kick", "redact",
            "state_default", "users", "users_default");

    private Redaction() {
    }

    /**
     * The event redacted by the rules of {@code roomVersion}, with an empty {@code unsigned}.
     *
     * @param event       the whole event JSON
     * @param roomVersion the room's version, e.g. {@code "10"}
     * @throws IllegalArgumentException if {@code event} is not a JSON object
     */
    public static RawJson redact(RawJson event, String roomVersion) {
        return RawJson.ofTree(redactTree(event, roomVersion, null));
    }

    /**
     * The event redacted by the rules of {@code roomVersion}, with {@code unsigned.redacted_because}
     * set to the redaction event, as servers serve redacted events to clients.
     */
    public static RawJson redact(RawJson event, String roomVersion, RawJson redactedBecause) {
        Objects.requireNonNull(redactedBecause, "redactedBecause");
        return RawJson.ofTree(redactTree(event, roomVersion, redactedBecause.tree()));
    }

    /** True if the event carries {@code unsigned.redacted_because}: the server sent it redacted. */
    public static boolean isRedacted(RawJson event) {
        return event.object("unsigned").map(u -> u.has("redacted_because")).orElse(false);
    }

    /**
     * The event an {@code m.room.redaction} event redacts: {@code content.redacts} (room versions 11
     * and later), else the top-level {@code redacts} (earlier versions).
     */
    public static Optional<EventId> redactedEventId(RawJson redactionEvent) {
        return redactionEvent.object("content").flatMap(c -> c.string("redacts"))
                .or(() -> redactionEvent.string("redacts"))
                .flatMap(Redaction::eventId);
    }

    private static Optional<EventId> eventId(String value) {
        try {
            return Optional.of(EventId.of(value));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> redactTree(RawJson event, String roomVersion, Object because) {
        Objects.requireNonNull(roomVersion, "roomVersion");
        if (!(event.tree() instanceof Map<?, ?> source)) {
            throw new IllegalArgumentException("An event must be a JSON object");
        }
        int version = version(roomVersion);
        Set<String> topLevel = version >= 11 ? TOP_LEVEL_V11 : TOP_LEVEL_V1;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (topLevel.contains(key)) {
                out.put(key, entry.getValue());
            }
        }
        Object type = source.get("type");
        Object content = source.get("content");
        out.put("content", content instanceof Map<?, ?> map && type instanceof String t
                ? redactContent(t, map, version) : new LinkedHashMap<>());
        Map<String, Object> unsigned = new LinkedHashMap<>();
        if (because != null) {
            unsigned.put("redacted_because", because);
        }
        out.put("unsigned", unsigned);
        return out;
    }

    private static Map<String, Object> redactContent(String type, Map<?, ?> content, int version) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (type) {
            case "m.room.member" -> {
                keep(content, out, "membership");
                if (version >= 9) {
                    keep(content, out, "join_authorised_via_users_server");
                }
                if (version >= 11 && content.get("third_party_invite") instanceof Map<?, ?> invite
                        && invite.containsKey("signed")) {
                    Map<String, Object> kept = new LinkedHashMap<>();
                    kept.put("signed", invite.get("signed"));
                    out.put("third_party_invite", kept);
                }
            }
            case "m.room.create" -> {
                if (version >= 11) {
                    content.forEach((k, v) -> out.put(String.valueOf(k), v));
                } else {
                    keep(content, out, "creator");
                }
            }
            case "m.room.join_rules" -> {
                keep(content, out, "join_rule");
                if (version >= 8) {
                    keep(content, out, "allow");
                }
            }
            case "m.room.power_levels" -> {
                POWER_LEVELS.forEach(key -> keep(content, out, key));
                if (version >= 11) {
                    keep(content, out, "invite");
                }
            }
            case "m.room.aliases" -> {
                if (version <= 5) {
                    keep(content, out, "aliases");
                }
            }
            case "m.room.history_visibility" -> keep(content, out, "history_visibility");
            case "m.room.redaction" -> {
                if (version >= 11) {
                    keep(content, out, "redacts");
                }
            }
            default -> {
                // Every other type loses all of its content.
            }
        }
        return out;
    }

    private static void keep(Map<?, ?> from, Map<String, Object> to, String key) {
        if (from.containsKey(key)) {
            to.put(key, from.get(key));
        }
    }

    /** The version as a number; non-numeric (experimental) versions get the newest rules. */
    static int version(String roomVersion) {
        if (roomVersion.isEmpty() || roomVersion.length() > 9 || !roomVersion.chars().allMatch(Character::isDigit)) {
            return Integer.MAX_VALUE;
        }
        return Integer.parseInt(roomVersion);
    }
}
