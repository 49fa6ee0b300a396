package dev.mxj.internal.sync;

import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.room.Tombstone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.internal.sync.Trees.mxc;
import static dev.mxj.internal.sync.Trees.nonEmpty;
import static dev.mxj.internal.sync.Trees.string;

/**
 * Folds one state event into a {@link RoomInfo.Builder}: the room-level state types mxj keeps in
 * {@link RoomInfo}. Content that breaks the schema reads as the field being unset (a redacted
 * {@code m.room.name} unsets the name), except that encryption, once on, stays on.
 */
final class RoomStateReducer {
    static final String MEMBER = "m.room.member";

    private RoomStateReducer() {
    }

    static void apply(RoomInfo.Builder info, String type, String stateKey, Map<?, ?> content) {
        if (!stateKey.isEmpty() || !type.startsWith("m.room.")) {
            return;
        }
        switch (type) {
            case "m.room.name" -> info.name(nonEmpty(content, "name"));
            case "m.room.topic" -> info.topic(nonEmpty(content, "topic"));
            case "m.room.avatar" -> info.avatarUrl(mxc(content, "url"));
            case "m.room.canonical_alias" -> {
                info.canonicalAlias(Optional.ofNullable(Trees.alias(content.get("alias"))));
                info.altAliases(aliases(content.get("alt_aliases")));
            }
            case "m.room.join_rules" -> info.joinRule(nonEmpty(content, "join_rule"));
            case "m.room.history_visibility" -> info.historyVisibility(nonEmpty(content, "history_visibility"));
            case "m.room.encryption" -> {
                String algorithm = string(content, "algorithm");
                if (algorithm != null && !algorithm.isEmpty()) {
                    info.encryptionAlgorithm(Optional.of(algorithm));
                }
            }
            case "m.room.create" -> {
                info.roomVersion(nonEmpty(content, "room_version").orElse("1"));
                info.roomType(nonEmpty(content, "type"));
            }
            case "m.room.tombstone" -> {
                RoomId replacement = Trees.roomId(string(content, "replacement_room"));
                String body = string(content, "body");
                info.tombstone(replacement == null ? Optional.empty()
                        : Optional.of(new Tombstone(body == null ? "" : body, replacement)));
            }
            default -> {
            }
        }
    }

    /** The member an {@code m.room.member} event states, or null if its key or membership is invalid. */
    static RoomMember member(String stateKey, Map<?, ?> content) {
        UserId userId = Trees.userId(stateKey);
        String wire = string(content, "membership");
        if (userId == null || wire == null) {
            return null;
        }
        Optional<Membership> membership = Membership.fromWire(wire);
        if (membership.isEmpty()) {
            return null;
        }
        return new RoomMember(userId, membership.get(), nonEmpty(content, "displayname"), mxc(content, "avatar_url"));
    }

    private static List<RoomAlias> aliases(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        List<RoomAlias> out = new ArrayList<>(list.size());
        for (Object element : list) {
            RoomAlias alias = Trees.alias(element);
            if (alias != null) {
                out.add(alias);
            }
        }
        return out;
    }
}
