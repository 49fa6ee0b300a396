package dev.mxj.internal.event;

import dev.mxj.event.RoomAvatarContent;
import dev.mxj.event.RoomCanonicalAliasContent;
import dev.mxj.event.RoomCreateContent;
import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.event.RoomGuestAccessContent;
import dev.mxj.event.RoomHistoryVisibilityContent;
import dev.mxj.event.RoomJoinRulesContent;
import dev.mxj.event.RoomMemberContent;
import dev.mxj.event.RoomNameContent;
import dev.mxj.event.RoomTopicContent;
import dev.mxj.event.TextBlock;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parsers of the room state events that describe the room itself and its members. */
final class StateParsers {
    private StateParsers() {
    }

    static RoomCreateContent create(RawJson c) {
        String version = Fields.optionalString(c, "room_version").orElse(RoomCreateContent.DEFAULT_ROOM_VERSION);
        Optional<UserId> creator = Fields.optionalParsed(c, "creator", UserId::of);
        Optional<RoomCreateContent.PreviousRoom> predecessor = Fields.optionalObject(c, "predecessor")
                .map(p -> new RoomCreateContent.PreviousRoom(Fields.requireValid(
                        Fields.requireString(p, "room_id", "predecessor.room_id"), RoomId::of, "predecessor.room_id"),
                        Fields.lenient(p, "event_id", EventId::of)));
        List<UserId> additional = RoomVersions.hasPrivilegedCreators(version)
                ? Fields.lenientList(c, "additional_creators", UserId::of) : List.of();
        return new RoomCreateContent(creator, version, Fields.optionalBool(c, "m.federate").orElse(true),
                Fields.optionalString(c, "type"), predecessor, additional);
    }

    static RoomMemberContent member(RawJson c) {
        String wire = Fields.requireString(c, "membership");
        Membership membership = Membership.fromWire(wire).orElseThrow(() -> new IllegalArgumentException(
                "\"membership\" is not one of invite, join, knock, leave, ban: \"" + wire + "\""));
        Optional<UserId> via = Fields.optionalString(c, "join_authorised_via_users_server")
                .map(s -> Fields.requireValid(s, UserId::of, "join_authorised_via_users_server"));
        return new RoomMemberContent(membership, Fields.optionalString(c, "displayname"),
                Fields.optionalParsed(c, "avatar_url", MxcUri::of),
                Fields.optionalBool(c, "is_direct").orElse(false), Fields.optionalString(c, "reason"), via,
                Fields.optionalObject(c, "third_party_invite"));
    }

    static RoomNameContent name(RawJson c) {
        return new RoomNameContent(Fields.optionalString(c, "name").orElse(""));
    }

    static RoomTopicContent topic(RawJson c) {
        List<TextBlock> blocks = new ArrayList<>();
        for (RawJson block : c.object("m.topic").map(t -> t.array("m.text")).orElse(List.of())) {
            block.string("body").ifPresent(body ->
                    blocks.add(new TextBlock(block.string("mimetype").orElse(TextBlock.PLAIN), body)));
        }
        return new RoomTopicContent(Fields.nonEmptyString(c, "topic"), blocks);
    }

    static RoomAvatarContent avatar(RawJson c) {
        return new RoomAvatarContent(Fields.lenient(c, "url", MxcUri::of), MessageParsers.mediaInfo(c));
    }

    static RoomCanonicalAliasContent canonicalAlias(RawJson c) {
        return new RoomCanonicalAliasContent(Fields.lenient(c, "alias", RoomAlias::of),
                Fields.lenientList(c, "alt_aliases", RoomAlias::of));
    }

    static RoomJoinRulesContent joinRules(RawJson c) {
        List<RoomJoinRulesContent.AllowCondition> allow = new ArrayList<>();
        for (RawJson condition : c.array("allow")) {
            condition.string("type").ifPresent(type -> allow.add(new RoomJoinRulesContent.AllowCondition(type,
                    Fields.lenient(condition, "room_id", RoomId::of))));
        }
        return new RoomJoinRulesContent(Fields.requireString(c, "join_rule"), allow);
    }

    static RoomHistoryVisibilityContent historyVisibility(RawJson c) {
        return new RoomHistoryVisibilityContent(Fields.requireString(c, "history_visibility"));
    }

    static RoomGuestAccessContent guestAccess(RawJson c) {
        return new RoomGuestAccessContent(Fields.requireString(c, "guest_access"));
    }

    static RoomEncryptionContent encryption(RawJson c) {
        return new RoomEncryptionContent(Fields.requireString(c, "algorithm"),
                Fields.optionalLong(c, "rotation_period_ms"), Fields.optionalLong(c, "rotation_period_msgs"));
    }
}
