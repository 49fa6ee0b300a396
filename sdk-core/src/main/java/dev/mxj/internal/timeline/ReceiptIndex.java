package dev.mxj.internal.timeline;

import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.room.Receipt;
import dev.mxj.room.ReceiptType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The room's read receipts as one timeline sees them: which item each user's latest receipt of this
 * timeline's thread sits on, and the own user's read-up-to point per thread. Receipts replace each
 * other by user, type and {@code thread_id}, as the spec says. Only {@code m.read} and
 * {@code m.read.private} count.
 */
final class ReceiptIndex {
    private record Key(UserId user, String type, Optional<String> thread) {
    }

    private static final Comparator<Receipt> NEWEST_FIRST = Comparator.comparingLong(Receipt::timestamp).reversed()
            .thenComparing(r -> r.userId().value());

    private final EventIndex index;
    private final Scope scope;
    private final Optional<UserId> me;
    private final Map<Key, Receipt> all = new HashMap<>();
    private Map<EventId, List<Receipt>> placed = Map.of();

    ReceiptIndex(EventIndex index, Scope scope, Optional<UserId> me) {
        this.index = index;
        this.scope = scope;
        this.me = me;
    }

    /** Adds {@code receipts}, each replacing the one of its user, type and thread. */
    void merge(Collection<Receipt> receipts) {
        for (Receipt receipt : receipts) {
            if (isRead(receipt)) {
                all.put(new Key(receipt.userId(), receipt.receiptType(), receipt.threadId()), receipt);
            }
        }
    }

    /** Places each user's latest receipt of this thread again; answers the items whose receipts changed. */
    Set<EventId> place() {
        Map<UserId, Receipt> best = new HashMap<>();
        Map<UserId, Long> bestOrder = new HashMap<>();
        for (Receipt receipt : all.values()) {
            OptionalLong position = index.orderOf(receipt.eventId());
            if (!scope.counts(receipt) || position.isEmpty()) {
                continue;
            }
            Long current = bestOrder.get(receipt.userId());
            if (current == null || position.getAsLong() > current || (position.getAsLong() == current
                    && receipt.receiptType().equals(ReceiptType.READ.value()))) {
                best.put(receipt.userId(), receipt);
                bestOrder.put(receipt.userId(), position.getAsLong());
            }
        }
        Map<EventId, List<Receipt>> next = new HashMap<>();
        best.forEach((user, receipt) -> index.shownAtOrBefore(bestOrder.get(user))
                .ifPresent(item -> next.computeIfAbsent(item, k -> new ArrayList<>()).add(receipt)));
        next.values().forEach(list -> list.sort(NEWEST_FIRST));
        Set<EventId> changed = new HashSet<>();
        Set<EventId> keys = new HashSet<>(placed.keySet());
        keys.addAll(next.keySet());
        for (EventId key : keys) {
            if (!Objects.equals(placed.get(key), next.get(key))) {
                changed.add(key);
            }
        }
        placed = next;
        return changed;
    }

    /** The receipts on the item of {@code event}, newest first. */
    List<Receipt> at(EventId event) {
        return List.copyOf(placed.getOrDefault(event, List.of()));
    }

    /**
     * The own user's read-up-to position for the thread {@code threadId} ({@code main} or a root's
     * ID): their latest receipt with that {@code thread_id} or none, on a loaded event.
     */
    OptionalLong readUpTo(String threadId) {
        OptionalLong best = OptionalLong.empty();
        if (me.isEmpty()) {
            return best;
        }
        for (Receipt receipt : all.values()) {
            boolean applies = receipt.threadId().isEmpty() || receipt.threadId().get().equals(threadId);
            OptionalLong position = index.orderOf(receipt.eventId());
            if (receipt.userId().equals(me.get()) && applies && position.isPresent()
                    && (best.isEmpty() || position.getAsLong() > best.getAsLong())) {
                best = position;
            }
        }
        return best;
    }

    /** The replies of {@code root} (loaded, not redacted, oldest first) the own user has not read. */
    int unread(EventId root, List<RoomEvent> replies) {
        if (me.isEmpty()) {
            return 0;
        }
        long upTo = readUpTo(root.value()).orElse(Long.MIN_VALUE);
        for (RoomEvent reply : replies) {
            if (reply.sender().equals(me.get())) {
                upTo = Math.max(upTo, index.orderOf(reply.eventId()).orElse(Long.MIN_VALUE));
            }
        }
        int count = 0;
        for (RoomEvent reply : replies) {
            if (!reply.sender().equals(me.get()) && index.orderOf(reply.eventId()).orElse(Long.MIN_VALUE) > upTo) {
                count++;
            }
        }
        return count;
    }

    private static boolean isRead(Receipt receipt) {
        return receipt.receiptType().equals(ReceiptType.READ.value())
                || receipt.receiptType().equals(ReceiptType.READ_PRIVATE.value());
    }
}
