package dev.mxj.internal.event;

import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses {@code m.room.power_levels}. Besides integers it reads the forms room versions 1 to 9
 * allow: strings of an integer ({@code " +050 "}) and floats, truncated. Anything else is an error
 * naming the field.
 */
final class PowerLevelsParser {
    private static final Pattern STRINGY = Pattern.compile("\\s*[+-]?[0-9]+\\s*");

    private PowerLevelsParser() {
    }

    static RoomPowerLevelsContent parse(RawJson c) {
        Map<UserId, Long> users = new HashMap<>();
        for (Map.Entry<String, Long> e : levels(c, "users").entrySet()) {
            Fields.tryParse(e.getKey(), UserId::of).ifPresent(u -> users.put(u, e.getValue()));
        }
        return new RoomPowerLevelsContent(
                level(c, "ban").orElse(RoomPowerLevelsContent.DEFAULT_BAN),
                levels(c, "events"),
                level(c, "events_default").orElse(RoomPowerLevelsContent.DEFAULT_EVENTS),
                level(c, "invite").orElse(RoomPowerLevelsContent.DEFAULT_INVITE),
                level(c, "kick").orElse(RoomPowerLevelsContent.DEFAULT_KICK),
                level(c, "redact").orElse(RoomPowerLevelsContent.DEFAULT_REDACT),
                level(c, "state_default").orElse(RoomPowerLevelsContent.DEFAULT_STATE),
                users,
                level(c, "users_default").orElse(RoomPowerLevelsContent.DEFAULT_USERS),
                levels(c, "notifications"));
    }

    private static Optional<Long> level(RawJson c, String key) {
        return Fields.treeValue(c, key).map(v -> toLevel(v, key));
    }

    private static Map<String, Long> levels(RawJson c, String key) {
        Map<String, Long> out = new HashMap<>();
        Optional<Object> map = Fields.treeValue(c, key);
        if (map.isPresent() && !(map.get() instanceof Map)) {
            throw new IllegalArgumentException("\"" + key + "\" is not an object");
        }
        for (Map.Entry<String, Object> e : Fields.entries(map.orElse(Map.of()))) {
            out.put(e.getKey(), toLevel(e.getValue(), key + "." + e.getKey()));
        }
        return out;
    }

    private static long toLevel(Object value, String label) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return clamp(new BigDecimal(d));
            }
        } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return clamp(new BigDecimal(n.toString()));
        } else if (value instanceof String s && STRINGY.matcher(s).matches()) {
            String digits = s.strip();
            return clamp(new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits));
        }
        throw new IllegalArgumentException("\"" + label + "\" is not an integer");
    }

    /** Clamped to the canonical JSON range, then truncated toward zero. */
    private static long clamp(BigDecimal value) {
        if (value.compareTo(BigDecimal.valueOf(RoomPowerLevelsContent.MAX)) > 0) {
            return RoomPowerLevelsContent.MAX;
        }
        if (value.compareTo(BigDecimal.valueOf(-RoomPowerLevelsContent.MAX)) < 0) {
            return -RoomPowerLevelsContent.MAX;
        }
        return value.longValue();
    }
}
