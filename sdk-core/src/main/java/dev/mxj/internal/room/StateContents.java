package dev.mxj.internal.room;

import dev.mxj.event.RoomJoinRulesContent;
import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.event.RoomServerAclContent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON content of the state events mxj writes, built as trees. */
final class StateContents {
    private StateContents() {
    }

    static RawJson joinRules(RoomJoinRulesContent rules) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("join_rule", rules.joinRule());
        if (!rules.allow().isEmpty()) {
            List<Object> allow = new ArrayList<>();
            for (RoomJoinRulesContent.AllowCondition c : rules.allow()) {
                Map<String, Object> condition = new LinkedHashMap<>();
                condition.put("type", c.type());
                c.roomId().ifPresent(room -> condition.put("room_id", room.value()));
                allow.add(condition);
            }
            root.put("allow", allow);
        }
        return RawJson.ofTree(root);
    }

    static RawJson canonicalAlias(java.util.Optional<RoomAlias> alias, List<RoomAlias> alt) {
        Map<String, Object> root = new LinkedHashMap<>();
        alias.ifPresent(a -> root.put("alias", a.value()));
        if (!alt.isEmpty()) {
            root.put("alt_aliases", alt.stream().map(RoomAlias::value).toList());
        }
        return RawJson.ofTree(root);
    }

    static RawJson pinned(List<EventId> pinned) {
        return RawJson.ofTree(Map.of("pinned", pinned.stream().map(EventId::value).toList()));
    }

    static RawJson serverAcl(RoomServerAclContent acl) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("allow", acl.allow());
        root.put("deny", acl.deny());
        root.put("allow_ip_literals", acl.allowIpLiterals());
        return RawJson.ofTree(root);
    }

    static RawJson powerLevels(RoomPowerLevelsContent p) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ban", p.ban());
        root.put("events", new TreeMap<>(p.events()));
        root.put("events_default", p.eventsDefault());
        root.put("invite", p.invite());
        root.put("kick", p.kick());
        root.put("redact", p.redact());
        root.put("state_default", p.stateDefault());
        root.put("users", users(p.users()));
        root.put("users_default", p.usersDefault());
        root.put("notifications", new TreeMap<>(p.notifications()));
        return RawJson.ofTree(root);
    }

    /** {@code content} (power levels as the server has them) with {@code user} at {@code level}. */
    @SuppressWarnings("unchecked")
    static RawJson withUserLevel(RawJson content, UserId user, long level) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (content.tree() instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach(root::put);
        }
        Map<String, Object> users = new TreeMap<>();
        if (root.get("users") instanceof Map<?, ?> existing) {
            ((Map<String, Object>) existing).forEach(users::put);
        }
        users.put(user.value(), level);
        root.put("users", users);
        return RawJson.ofTree(root);
    }

    static Map<String, Object> users(Map<UserId, Long> levels) {
        Map<String, Object> users = new TreeMap<>();
        levels.forEach((user, level) -> users.put(user.value(), level));
        return users;
    }
}
