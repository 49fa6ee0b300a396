package dev.mxj.event;

import dev.mxj.id.RoomId;

import java.util.List;
import java.util.Optional;

/**
 * {@code m.room.join_rules}: who may join the room.
 *
 * @param joinRule {@code join_rule}, one of the constants here or a value from a later spec
 * @param allow    {@code allow}, the conditions of a restricted room; malformed entries are skipped
 *                 (the spec treats them as conditions nobody satisfies)
 */
public record RoomJoinRulesContent(String joinRule, List<AllowCondition> allow) implements KnownContent {
    public static final String TYPE = "m.room.join_rules";
    public static final String PUBLIC = "public";
    public static final String INVITE = "invite";
    public static final String KNOCK = "knock";
    public static final String RESTRICTED = "restricted";
    public static final String KNOCK_RESTRICTED = "knock_restricted";
    public static final String PRIVATE = "private";

    public RoomJoinRulesContent {
        allow = List.copyOf(allow);
    }

    /**
     * One {@code allow} condition.
     *
     * @param type   {@code type}, e.g. {@link #ROOM_MEMBERSHIP}
     * @param roomId {@code room_id}, which {@code m.room_membership} requires
     */
    public record AllowCondition(String type, Optional<RoomId> roomId) {
        public static final String ROOM_MEMBERSHIP = "m.room_membership";
    }

    @Override
    public String type() {
        return TYPE;
    }
}
