package dev.mxj.room;

import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the client knows of a room, kept current by sync and saved in the store. Immutable; the
 * sync processor derives the next value with {@link #toBuilder()}.
 *
 * @param roomId              the room
 * @param membership          the user's membership
 * @param name                {@code m.room.name}, if set and non-empty
 * @param topic               {@code m.room.topic}
 * @param avatarUrl           {@code m.room.avatar}
 * @param canonicalAlias      {@code m.room.canonical_alias} alias
 * @param altAliases          {@code m.room.canonical_alias} alt_aliases
 * @param joinRule            {@code m.room.join_rules} join_rule (e.g. public, invite, knock, restricted)
 * @param historyVisibility   {@code m.room.history_visibility}
 * @param encryptionAlgorithm {@code m.room.encryption} algorithm, when the room is encrypted
 * @param roomVersion         {@code m.room.create} room_version ("1" when absent, as the spec says)
 * @param roomType            {@code m.room.create} type, e.g. {@code m.space}
 * @param tombstone           {@code m.room.tombstone}, when the room was replaced
 * @param joinedMemberCount   {@code m.joined_member_count} from the summary, or counted from members
 * @param invitedMemberCount  {@code m.invited_member_count}
 * @param heroes              {@code m.heroes}, with the profiles known for them
 * @param unread              {@code unread_notifications}
 * @param threadUnread        {@code unread_thread_notifications} by thread root event ID
 * @param latestEventId       the newest timeline event seen
 * @param latestActivityTs    its {@code origin_server_ts} (or the invite's), for sorting by recency
 */
public record RoomInfo(RoomId roomId, Membership membership, Optional<String> name, Optional<String> topic,
                       Optional<MxcUri> avatarUrl, Optional<RoomAlias> canonicalAlias, List<RoomAlias> altAliases,
                       Optional<String> joinRule, Optional<String> historyVisibility,
                       Optional<String> encryptionAlgorithm, String roomVersion, Optional<String> roomType,
                       Optional<Tombstone> tombstone, long joinedMemberCount, long invitedMemberCount,
                       List<Hero> heroes, UnreadCounts unread, Map<EventId, UnreadCounts> threadUnread,
                       Optional<EventId> latestEventId, long latestActivityTs) {
    public static final String SPACE = "m.space";

    public RoomInfo {
        altAliases = List.copyOf(altAliases);
        heroes = List.copyOf(heroes);
        threadUnread = Map.copyOf(threadUnread);
    }

    /** A room seen for the first time, with nothing known yet. */
    public static RoomInfo empty(RoomId roomId, Membership membership) {
        return new RoomInfo(roomId, membership, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), "1", Optional.empty(),
                Optional.empty(), 0, 0, List.of(), UnreadCounts.NONE, Map.of(), Optional.empty(), 0);
    }

    public boolean isEncrypted() {
        return encryptionAlgorithm.isPresent();
    }

    public boolean isSpace() {
        return roomType.filter(SPACE::equals).isPresent();
    }

    /** The room's name by the spec's algorithm, naming heroes from their summary profiles. */
    public RoomDisplayName displayName() {
        return RoomDisplayName.of(this);
    }

    /** The room's name by the spec's algorithm, naming heroes as {@code members} does, with at most {@code heroLimit}. */
    public RoomDisplayName displayName(MemberNames members, int heroLimit) {
        return RoomDisplayName.of(this, members, heroLimit);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some fields of a {@link RoomInfo}. */
    public static final class Builder {
        private RoomId roomId;
        private Membership membership;
        private Optional<String> name;
        private Optional<String> topic;
        private Optional<MxcUri> avatarUrl;
        private Optional<RoomAlias> canonicalAlias;
        private List<RoomAlias> altAliases;
        private Optional<String> joinRule;
        private Optional<String> historyVisibility;
        private Optional<String> encryptionAlgorithm;
        private String roomVersion;
        private Optional<String> roomType;
        private Optional<Tombstone> tombstone;
        private long joinedMemberCount;
        private long invitedMemberCount;
        private List<Hero> heroes;
        private UnreadCounts unread;
        private Map<EventId, UnreadCounts> threadUnread;
        private Optional<EventId> latestEventId;
        private long latestActivityTs;

        private Builder(RoomInfo i) {
            roomId = i.roomId; membership = i.membership; name = i.name; topic = i.topic; avatarUrl = i.avatarUrl;
            canonicalAlias = i.canonicalAlias; altAliases = i.altAliases; joinRule = i.joinRule;
            historyVisibility = i.historyVisibility; encryptionAlgorithm = i.encryptionAlgorithm;
            roomVersion = i.roomVersion; roomType = i.roomType; tombstone = i.tombstone;
            joinedMemberCount = i.joinedMemberCount; invitedMemberCount = i.invitedMemberCount; heroes = i.heroes;
            unread = i.unread; threadUnread = i.threadUnread; latestEventId = i.latestEventId;
            latestActivityTs = i.latestActivityTs;
        }

        public Builder membership(Membership v) { membership = v; return this; }
        public Builder name(Optional<String> v) { name = v; return this; }
        public Builder topic(Optional<String> v) { topic = v; return this; }
        public Builder avatarUrl(Optional<MxcUri> v) { avatarUrl = v; return this; }
        public Builder canonicalAlias(Optional<RoomAlias> v) { canonicalAlias = v; return this; }
        public Builder altAliases(List<RoomAlias> v) { altAliases = v; return this; }
        public Builder joinRule(Optional<String> v) { joinRule = v; return this; }
        public Builder historyVisibility(Optional<String> v) { historyVisibility = v; return this; }
        public Builder encryptionAlgorithm(Optional<String> v) { encryptionAlgorithm = v; return this; }
        public Builder roomVersion(String v) { roomVersion = v; return this; }
        public Builder roomType(Optional<String> v) { roomType = v; return this; }
        public Builder tombstone(Optional<Tombstone> v) { tombstone = v; return this; }
        public Builder joinedMemberCount(long v) { joinedMemberCount = v; return this; }
        public Builder invitedMemberCount(long v) { invitedMemberCount = v; return this; }
        public Builder heroes(List<Hero> v) { heroes = v; return this; }
        public Builder unread(UnreadCounts v) { unread = v; return this; }
        public Builder threadUnread(Map<EventId, UnreadCounts> v) { threadUnread = v; return this; }
        public Builder latestEventId(Optional<EventId> v) { latestEventId = v; return this; }
        public Builder latestActivityTs(long v) { latestActivityTs = v; return this; }

        public RoomInfo build() {
            return new RoomInfo(roomId, membership, name, topic, avatarUrl, canonicalAlias, altAliases, joinRule,
                    historyVisibility, encryptionAlgorithm, roomVersion, roomType, tombstone, joinedMemberCount,
                    invitedMemberCount, heroes, unread, threadUnread, latestEventId, latestActivityTs);
        }
    }
}
