package dev.mxj.event;

import dev.mxj.id.UserId;

import java.util.Map;
import java.util.Optional;

/**
 * {@code m.room.power_levels}: the level each action needs and the level of each user, with the
 * spec's defaults filled in for missing fields. Values written as strings ({@code "50"}) or floats
 * ({@code 50.5}, truncated), which room versions 1 to 9 allow, are read as integers; values are
 * clamped to the canonical JSON range ±(2<sup>53</sup>-1). For "can this user do that", with room
 * creators taken into account, see {@link dev.mxj.room.PowerLevels}.
 *
 * @param ban           {@code ban}, default 50
 * @param events        {@code events}: the level to send each listed event type
 * @param eventsDefault {@code events_default}: the level to send other message events, default 0
 * @param invite        {@code invite}, default 0
 * @param kick          {@code kick}, default 50
 * @param redact        {@code redact}: the level to redact other users' events, default 50
 * @param stateDefault  {@code state_default}: the level to send other state events, default 50
 * @param users         {@code users}: each listed user's level; keys that are not user IDs are skipped
 * @param usersDefault  {@code users_default}: the level of other users, default 0
 * @param notifications {@code notifications}: the level to trigger each kind of notification, e.g.
 *                      {@code room}, whose default is 50 (see {@link #notification(String)})
 */
public record RoomPowerLevelsContent(long ban, Map<String, Long> events, long eventsDefault, long invite, long kick,
                                     long redact, long stateDefault, Map<UserId, Long> users, long usersDefault,
                                     Map<String, Long> notifications) implements KnownContent {
    public static final String TYPE = "m.room.power_levels";
    public static final long DEFAULT_BAN = 50;
    public static final long DEFAULT_EVENTS = 0;
    public static final long DEFAULT_INVITE = 0;
    public static final long DEFAULT_KICK = 50;
    public static final long DEFAULT_REDACT = 50;
    public static final long DEFAULT_STATE = 50;
    public static final long DEFAULT_USERS = 0;
    /** The {@code notifications} key of {@code @room} mentions. */
    public static final String ROOM_NOTIFICATION = "room";
    public static final long DEFAULT_ROOM_NOTIFICATION = 50;
    /** The level a room creator has in room versions 1 to 11 when the room has no power levels event. */
    public static final long CREATOR_DEFAULT = 100;
    /** The largest level the spec allows, 2<sup>53</sup>-1. */
    public static final long MAX = (1L << 53) - 1;

    private static final RoomPowerLevelsContent DEFAULTS = new RoomPowerLevelsContent(DEFAULT_BAN, Map.of(),
            DEFAULT_EVENTS, DEFAULT_INVITE, DEFAULT_KICK, DEFAULT_REDACT, DEFAULT_STATE, Map.of(), DEFAULT_USERS,
            Map.of());

    public RoomPowerLevelsContent {
        events = Map.copyOf(events);
        users = Map.copyOf(users);
        notifications = Map.copyOf(notifications);
    }

    /** Content with every field at its default: the levels of a room without the event (creators aside). */
    public static RoomPowerLevelsContent defaults() {
        return DEFAULTS;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The level of {@code user} as this content states it ({@code users}, else {@code users_default}). */
    public long userLevel(UserId user) {
        return users.getOrDefault(user, usersDefault);
    }

    /** The level needed to send a message event of {@code eventType}. */
    public long requiredForMessage(String eventType) {
        return events.getOrDefault(eventType, eventsDefault);
    }

    /** The level needed to send a state event of {@code eventType}. */
    public long requiredForState(String eventType) {
        return events.getOrDefault(eventType, stateDefault);
    }

    /** The level needed to trigger the notification {@code key}; {@code room} defaults to 50, others have no default. */
    public Optional<Long> notification(String key) {
        Long level = notifications.get(key);
        if (level == null && ROOM_NOTIFICATION.equals(key)) {
            return Optional.of(DEFAULT_ROOM_NOTIFICATION);
        }
        return Optional.ofNullable(level);
    }
}
