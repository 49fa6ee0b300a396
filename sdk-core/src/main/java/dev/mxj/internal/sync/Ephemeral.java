package dev.mxj.internal.sync;

import dev.mxj.event.BasicEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.room.Receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A joined room's {@code ephemeral} events: who is typing ({@code m.typing}) and read receipts ({@code m.receipt}). */
final class Ephemeral {
    static final String TYPING = "m.typing";
    static final String RECEIPT = "m.receipt";

    /** Present when an {@code m.typing} event arrived (the latest one wins). */
    Optional<List<UserId>> typing = Optional.empty();
    final List<Receipt> receipts = new ArrayList<>();

    static Ephemeral of(List<BasicEvent> events) {
        Ephemeral out = new Ephemeral();
        for (BasicEvent event : events) {
            Map<?, ?> content = Trees.content(event.raw());
            if (TYPING.equals(event.type())) {
                out.typing = Optional.of(typing(content));
            } else if (RECEIPT.equals(event.type())) {
                receipts(content, out.receipts);
            }
        }
        return out;
    }

    private static List<UserId> typing(Map<?, ?> content) {
        if (!(content.get("user_ids") instanceof List<?> ids)) {
            return List.of();
        }
        List<UserId> out = new ArrayList<>(ids.size());
        for (Object id : ids) {
            UserId user = id instanceof String s ? Trees.userId(s) : null;
            if (user != null) {
                out.add(user);
            }
        }
        return out;
    }

    /** {@code {eventId: {receiptType: {userId: {ts, thread_id}}}}}; entries with invalid IDs are skipped. */
    private static void receipts(Map<?, ?> content, List<Receipt> out) {
        for (Map.Entry<?, ?> byEvent : content.entrySet()) {
            EventId eventId = eventId(byEvent.getKey());
            if (eventId == null || !(byEvent.getValue() instanceof Map<?, ?> byType)) {
                continue;
            }
            for (Map.Entry<?, ?> typeEntry : byType.entrySet()) {
                if (!(typeEntry.getValue() instanceof Map<?, ?> byUser)) {
                    continue;
                }
                String receiptType = String.valueOf(typeEntry.getKey());
                for (Map.Entry<?, ?> userEntry : byUser.entrySet()) {
                    UserId user = Trees.userId(String.valueOf(userEntry.getKey()));
                    if (user == null) {
                        continue;
                    }
                    Map<?, ?> data = userEntry.getValue() instanceof Map<?, ?> m ? m : Map.of();
                    Optional<String> thread = Trees.nonEmpty(data, "thread_id");
                    out.add(new Receipt(eventId, receiptType, user, thread, Trees.longValue(data, "ts", 0)));
                }
            }
        }
    }

    private static EventId eventId(Object key) {
        try {
            return EventId.of(String.valueOf(key));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
