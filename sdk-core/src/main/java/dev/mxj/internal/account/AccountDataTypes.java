package dev.mxj.internal.account;

import dev.mxj.InvalidResponseException;
import dev.mxj.event.DirectContent;
import dev.mxj.event.FullyReadContent;
import dev.mxj.event.IgnoredUserListContent;
import dev.mxj.event.KnownContent;
import dev.mxj.event.PushRulesContent;
import dev.mxj.event.TagContent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.event.KnownContents;
import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The account data types mxj models: which class is which type, where it lives, and how to write it. */
final class AccountDataTypes {
    private static final Map<Class<?>, String> GLOBAL = Map.of(DirectContent.class, DirectContent.TYPE,
            IgnoredUserListContent.class, IgnoredUserListContent.TYPE, PushRulesContent.class, PushRulesContent.TYPE);
    private static final Map<Class<?>, String> ROOM = Map.of(TagContent.class, TagContent.TYPE,
            FullyReadContent.class, FullyReadContent.TYPE);

    private AccountDataTypes() {
    }

    /** The type of a global account data class. */
    static String global(Class<? extends KnownContent> type) {
        String name = GLOBAL.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not global account data; typed global "
                    + "account data is DirectContent, IgnoredUserListContent or PushRulesContent"
                    + (ROOM.containsKey(type) ? " (" + type.getSimpleName() + " is room account data)" : "")
                    + ". Read other types with accountData(String).");
        }
        return name;
    }

    /** The type of a room account data class. */
    static String room(Class<? extends KnownContent> type) {
        String name = ROOM.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not room account data; typed room "
                    + "account data is TagContent or FullyReadContent"
                    + (GLOBAL.containsKey(type) ? " (" + type.getSimpleName() + " is global account data)" : "")
                    + ". Read other types with roomAccountData(RoomId, String).");
        }
        return name;
    }

    /** Parses stored content into {@code type}; content that breaks the schema fails the call. */
    static <T extends KnownContent> T parse(Class<T> type, String name, RawJson content) {
        try {
            return type.cast(KnownContents.parse(name, content).orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new InvalidResponseException("The stored " + name + " account data does not match the spec: "
                    + e.getMessage() + ". Read it raw with accountData(String) to repair it.", e);
        }
    }

    /** The JSON content of a writable typed value. */
    static RawJson write(KnownContent content) {
        if (content instanceof DirectContent direct) {
            Map<String, Object> rooms = new TreeMap<>();
            for (Map.Entry<UserId, List<RoomId>> e : direct.rooms().entrySet()) {
                List<Object> ids = new ArrayList<>();
                e.getValue().forEach(room -> ids.add(room.value()));
                rooms.put(e.getKey().value(), ids);
            }
            return RawJson.ofTree(rooms);
        }
        if (content instanceof IgnoredUserListContent ignored) {
            Map<String, Object> users = new TreeMap<>();
            ignored.ignoredUsers().forEach(user -> users.put(user.value(), new LinkedHashMap<>()));
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("ignored_users", users);
            return RawJson.ofTree(root);
        }
        throw new IllegalArgumentException("mxj writes DirectContent and IgnoredUserListContent as account data, not "
                + content.getClass().getSimpleName() + hint(content) + ".");
    }

    private static String hint(KnownContent content) {
        if (content instanceof TagContent) {
            return "; use addTag/removeTag";
        }
        if (content instanceof PushRulesContent) {
            return "; the server manages m.push_rules through the push rules API";
        }
        if (content instanceof FullyReadContent) {
            return "; the read marker is set through /read_markers";
        }
        return "";
    }
}
