package dev.mxj.internal.event;

import dev.mxj.event.DirectContent;
import dev.mxj.event.FullyReadContent;
import dev.mxj.event.IgnoredUserListContent;
import dev.mxj.event.PresenceContent;
import dev.mxj.event.PushRulesContent;
import dev.mxj.event.ReceiptContent;
import dev.mxj.event.TagContent;
import dev.mxj.event.TypingContent;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Receipt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parsers of ephemeral events (typing, receipts), presence, and account data. */
final class AccountDataParsers {
    private AccountDataParsers() {
    }

    static TypingContent typing(RawJson c) {
        List<UserId> users = new ArrayList<>();
        for (RawJson entry : Fields.requireArray(c, "user_ids")) {
            entry.asString().flatMap(s -> Fields.tryParse(s, UserId::of)).ifPresent(users::add);
        }
        return new TypingContent(users);
    }

    static ReceiptContent receipts(RawJson c) {
        List<Receipt> out = new ArrayList<>();
        for (Map.Entry<String, Object> byEvent : Fields.entries(c.tree())) {
            Optional<EventId> event = Fields.tryParse(byEvent.getKey(), EventId::of);
            for (Map.Entry<String, Object> byType : Fields.entries(byEvent.getValue())) {
                for (Map.Entry<String, Object> byUser : Fields.entries(byType.getValue())) {
                    Optional<UserId> user = Fields.tryParse(byUser.getKey(), UserId::of);
                    if (event.isPresent() && user.isPresent() && byUser.getValue() instanceof Map<?, ?> receipt) {
                        Optional<String> thread = receipt.get("thread_id") instanceof String t
                                ? Optional.of(t) : Optional.empty();
                        long ts = receipt.get("ts") instanceof Number n ? n.longValue() : 0L;
                        out.add(new Receipt(event.get(), byType.getKey(), user.get(), thread, ts));
                    }
                }
            }
        }
        return new ReceiptContent(out);
    }

    static PresenceContent presence(RawJson c) {
        Optional<Long> lastActiveAgo = c.doubleValue("last_active_ago").map(Double::longValue);
        return new PresenceContent(Fields.requireString(c, "presence"), c.string("displayname"),
                Fields.optionalParsed(c, "avatar_url", MxcUri::of), lastActiveAgo, c.bool("currently_active"),
                c.string("status_msg"));
    }

    static DirectContent direct(RawJson c) {
        Map<UserId, List<RoomId>> rooms = new HashMap<>();
        for (Map.Entry<String, Object> e : Fields.entries(c.tree())) {
            Optional<UserId> user = Fields.tryParse(e.getKey(), UserId::of);
            if (user.isPresent() && e.getValue() instanceof List<?> list) {
                List<RoomId> ids = new ArrayList<>();
                for (Object id : list) {
                    if (id instanceof String s) {
                        Fields.tryParse(s, RoomId::of).ifPresent(ids::add);
                    }
                }
                rooms.put(user.get(), List.copyOf(ids));
            }
        }
        return new DirectContent(rooms);
    }

    static FullyReadContent fullyRead(RawJson c) {
        return new FullyReadContent(Fields.requireValid(Fields.requireString(c, "event_id"), EventId::of, "event_id"));
    }

    static TagContent tags(RawJson c) {
        Map<String, TagContent.Tag> tags = new HashMap<>();
        Optional<RawJson> all = Fields.optionalObject(c, "tags");
        for (Map.Entry<String, Object> e : Fields.entries(all.map(RawJson::tree).orElse(Map.of()))) {
            Optional<Double> order = e.getValue() instanceof Map<?, ?> tag && tag.get("order") instanceof Number n
                    ? Optional.of(n.doubleValue()) : Optional.empty();
            tags.put(e.getKey(), new TagContent.Tag(order));
        }
        return new TagContent(tags);
    }

    static IgnoredUserListContent ignoredUsers(RawJson c) {
        Set<UserId> users = new HashSet<>();
        for (String key : Fields.requireObject(c, "ignored_users").keys()) {
            Fields.tryParse(key, UserId::of).ifPresent(users::add);
        }
        return new IgnoredUserListContent(users);
    }

    static PushRulesContent pushRules(RawJson c) {
        return new PushRulesContent(Fields.optionalObject(c, "global").orElse(RawJson.emptyObject()));
    }
}
