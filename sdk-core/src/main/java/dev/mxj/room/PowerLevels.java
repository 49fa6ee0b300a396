package dev.mxj.room;

import dev.mxj.event.RoomCreateContent;
import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.event.RoomRedactionContent;
import dev.mxj.id.UserId;

import java.util.List;
import java.util.Optional;

/**
 * Who may do what in a room, from its {@code m.room.create} and {@code m.room.power_levels} events by
 * the spec's power rules (the authorisation rules' power checks; membership checks, such as "the
 * sender must be joined", are the caller's).
 * <ul>
 * <li>Without a power levels event the spec's defaults apply and, in room versions 1 to 11, the
 *     creator has level 100.</li>
 * <li>From room version 12 the creators (the create event's sender and {@code additional_creators})
 *     have an infinite level, {@link #INFINITE}, whatever the power levels event says: they cannot be
 *     kicked, banned or demoted, not even by each other.</li>
 * <li>Kicking and banning need a level strictly above the target's: users at equal levels cannot
 *     kick or ban each other.</li>
 * </ul>
 * Immutable.
 */
public final class PowerLevels {
    /** The level of a room creator from room version 12: above any level a power levels event can give. */
    public static final long INFINITE = Long.MAX_VALUE;

    private final List<UserId> creators;
    private final boolean privilegedCreators;
    private final Optional<RoomPowerLevelsContent> event;
    private final RoomPowerLevelsContent levels;

    private PowerLevels(List<UserId> creators, boolean privilegedCreators, Optional<RoomPowerLevelsContent> event) {
        this.creators = creators;
        this.privilegedCreators = privilegedCreators;
        this.event = event;
        this.levels = event.orElse(RoomPowerLevelsContent.defaults());
    }

    /**
     * The rules of a room.
     *
     * @param create       the content of its {@code m.room.create} event
     * @param createSender that event's sender
     * @param powerLevels  the content of its {@code m.room.power_levels} event, if it has one
     */
    public static PowerLevels of(RoomCreateContent create, UserId createSender,
                                 Optional<RoomPowerLevelsContent> powerLevels) {
        return new PowerLevels(create.creators(createSender), create.hasPrivilegedCreators(), powerLevels);
    }

    /** The room's creators (see {@link RoomCreateContent#creators(UserId)}). */
    public List<UserId> creators() {
        return creators;
    }

    /** True if {@code user} created the room. */
    public boolean isCreator(UserId user) {
        return creators.contains(user);
    }

    /** The power levels in force: the event's content, or the defaults when the room has none. */
    public RoomPowerLevelsContent content() {
        return levels;
    }

    /**
     * The level of {@code user}: {@link #INFINITE} for a creator from room version 12; 100 for the
     * creator of an older room without a power levels event; else as the event (or its defaults) says.
     */
    public long level(UserId user) {
        if (privilegedCreators && isCreator(user)) {
            return INFINITE;
        }
        if (event.isEmpty() && isCreator(user)) {
            return RoomPowerLevelsContent.CREATOR_DEFAULT;
        }
        return levels.userLevel(user);
    }

    /** May {@code user} send a message event (a non-state event) of {@code eventType}? */
    public boolean canSendMessage(UserId user, String eventType) {
        return level(user) >= levels.requiredForMessage(eventType);
    }

    /** May {@code user} send a state event of {@code eventType}? */
    public boolean canSendState(UserId user, String eventType) {
        return level(user) >= levels.requiredForState(eventType);
    }

    /** May {@code user} invite others (the {@code invite} level)? */
    public boolean canInvite(UserId user) {
        return level(user) >= levels.invite();
    }

    /** May {@code actor} kick {@code target}: at least the {@code kick} level, and above the target? */
    public boolean canKick(UserId actor, UserId target) {
        long own = level(actor);
        return own >= levels.kick() && level(target) < own;
    }

    /** May {@code actor} ban {@code target}: at least the {@code ban} level, and above the target? */
    public boolean canBan(UserId actor, UserId target) {
        long own = level(actor);
        return own >= levels.ban() && level(target) < own;
    }

    /** May {@code actor} unban {@code target}: at least the {@code kick} and {@code ban} levels, and above the target? */
    public boolean canUnban(UserId actor, UserId target) {
        return canKick(actor, target) && canBan(actor, target);
    }

    /**
     * May {@code actor} redact an event sent by {@code originalSender}? Either needs the right to send
     * {@code m.room.redaction} events; redacting another user's event also needs the {@code redact} level.
     */
    public boolean canRedact(UserId actor, UserId originalSender) {
        boolean canSend = canSendMessage(actor, RoomRedactionContent.TYPE);
        return actor.equals(originalSender) ? canSend : canSend && level(actor) >= levels.redact();
    }

    /** May {@code user} notify the whole room ({@code @room}, the {@code notifications.room} level)? */
    public boolean canNotifyRoom(UserId user) {
        return level(user) >= levels.notification(RoomPowerLevelsContent.ROOM_NOTIFICATION).orElseThrow();
    }

    /**
     * May {@code actor} set {@code target}'s level to {@code newLevel}? Needs the right to send
     * {@code m.room.power_levels}; then, if the room has such an event, a new level no higher than the
     * actor's own, and (for another user's entry) a current entry below the actor's level. From room
     * version 12 a creator's level cannot be set at all.
     */
    public boolean canChangeLevel(UserId actor, UserId target, long newLevel) {
        if (privilegedCreators && isCreator(target)) {
            return false;
        }
        if (!canSendState(actor, RoomPowerLevelsContent.TYPE)) {
            return false;
        }
        if (event.isEmpty()) {
            return Math.abs(newLevel) <= RoomPowerLevelsContent.MAX;
        }
        long own = level(actor);
        long ceiling = Math.min(own, RoomPowerLevelsContent.MAX);
        if (newLevel > ceiling || newLevel < -RoomPowerLevelsContent.MAX) {
            return false;
        }
        Long current = levels.users().get(target);
        return actor.equals(target) || current == null || current < own;
    }

    /** The role the spec suggests showing for {@code user}'s level. */
    public Role role(UserId user) {
        long own = level(user);
        if (own == INFINITE) {
            return Role.CREATOR;
        }
        if (own >= levels.requiredForState(RoomPowerLevelsContent.TYPE)) {
            return Role.ADMINISTRATOR;
        }
        return own >= levels.stateDefault() ? Role.MODERATOR : Role.USER;
    }

    /** The spec's suggested names for levels. */
    public enum Role {
        /** Below {@code state_default}. */
        USER,
        /** From {@code state_default} to below the level that may send {@code m.room.power_levels}. */
        MODERATOR,
        /** The level that may send {@code m.room.power_levels}, and above. */
        ADMINISTRATOR,
        /** A creator of a room of version 12 or later. */
        CREATOR
    }
}
