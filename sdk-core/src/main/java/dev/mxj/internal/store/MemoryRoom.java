package dev.mxj.internal.store;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.MalformedEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.UserId;
import dev.mxj.room.Receipt;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One room as the in-memory state store holds it. Immutable: {@link #apply} returns a new value
 * that shares every part the changes did not touch, so a snapshot can be read without locks.
 */
public final class MemoryRoom {
    /** The position the first stored timeline event of a room gets. */
    public static final long FIRST_POSITION = 1;

    private record ReceiptKey(String type, Optional<String> thread, UserId user) {
    }

    private final RoomInfo info;
    private final Map<String, Map<String, RoomEvent>> state;
    private final List<StrippedStateEvent> stripped;
    private final Map<UserId, RoomMember> members;
    private final List<StoredEvent> timeline;
    private final Map<String, StoredEvent> byEventId;
    private final long nextPosition;
    private final List<TimelineGap> gaps;
    private final Map<ReceiptKey, Receipt> receipts;
    private final List<UserId> typing;
    private final Map<String, BasicEvent> accountData;

    private MemoryRoom(RoomInfo info, Map<String, Map<String, RoomEvent>> state, List<StrippedStateEvent> stripped,
                       Map<UserId, RoomMember> members, List<StoredEvent> timeline,
                       Map<String, StoredEvent> byEventId, long nextPosition, List<TimelineGap> gaps,
                       Map<ReceiptKey, Receipt> receipts, List<UserId> typing, Map<String, BasicEvent> accountData) {
        this.info = info;
        this.state = state;
        this.stripped = stripped;
        this.members = members;
        this.timeline = timeline;
        this.byEventId = byEventId;
        this.nextPosition = nextPosition;
        this.gaps = gaps;
        this.receipts = receipts;
        this.typing = typing;
        this.accountData = accountData;
    }

    /** A room with nothing stored yet but its info. */
    public static MemoryRoom empty(RoomInfo info) {
        return new MemoryRoom(info, Map.of(), List.of(), Map.of(), List.of(), Map.of(), FIRST_POSITION, List.of(),
                Map.of(), List.of(), Map.of());
    }

    /**
     * This room with {@code changes} applied, following {@link RoomChanges}' Javadoc.
     * {@code beforeSave} sees each timeline event before it is stored and may throw to abort.
     */
    public MemoryRoom apply(RoomChanges changes, Consumer<SyncEvent> beforeSave) {
        List<StoredEvent> newTimeline = timeline;
        Map<String, StoredEvent> newIds = byEventId;
        List<TimelineGap> newGaps = gaps;
        long next = nextPosition;
        if (!changes.timeline().isEmpty()) {
            List<StoredEvent> appended = new ArrayList<>(timeline);
            Map<String, StoredEvent> ids = new HashMap<>(byEventId);
            for (SyncEvent event : changes.timeline()) {
                long position = next++;
                beforeSave.accept(event);
                Optional<String> id = eventId(event);
                if (id.isPresent() && ids.containsKey(id.get())) {
                    continue; // seen before: it keeps its first position
                }
                StoredEvent stored = new StoredEvent(position, event);
                appended.add(stored);
                id.ifPresent(value -> ids.put(value, stored));
            }
            newTimeline = Collections.unmodifiableList(appended);
            newIds = Collections.unmodifiableMap(ids);
        }
        if (changes.limited() && changes.prevBatch().isPresent()) {
            List<TimelineGap> withGap = new ArrayList<>(gaps);
            withGap.removeIf(gap -> gap.beforePosition() == nextPosition);
            withGap.add(new TimelineGap(nextPosition, changes.prevBatch().get()));
            newGaps = Collections.unmodifiableList(withGap);
        }
        return new MemoryRoom(changes.info(), withState(changes.state()), changes.strippedState(),
                withMembers(changes.members()), newTimeline, newIds, next, newGaps,
                withReceipts(changes.receipts()), changes.typing().orElse(typing),
                withAccountData(changes.accountData()));
    }

    /** This room with another timeline, event index, next position and gaps (back-pagination). */
    MemoryRoom withTimeline(List<StoredEvent> newTimeline, Map<String, StoredEvent> newIds, long next,
                            List<TimelineGap> newGaps) {
        return new MemoryRoom(info, state, stripped, members, newTimeline, newIds, next, newGaps, receipts, typing,
                accountData);
    }

    List<StoredEvent> timeline() {
        return timeline;
    }

    long nextPosition() {
        return nextPosition;
    }

    /** The ID a timeline event is deduplicated by: its {@code event_id}, even in a malformed event. */
    public static Optional<String> eventId(SyncEvent event) {
        if (event instanceof RoomEvent roomEvent) {
            return Optional.of(roomEvent.eventId().value());
        }
        return ((MalformedEvent) event).eventId();
    }

    private Map<String, Map<String, RoomEvent>> withState(List<RoomEvent> events) {
        if (events.isEmpty()) {
            return state;
        }
        Map<String, Map<String, RoomEvent>> byType = new HashMap<>(state);
        Map<String, Map<String, RoomEvent>> copied = new HashMap<>();
        for (RoomEvent event : events) {
            if (event.stateKey().isEmpty()) {
                continue; // not a state event: nothing to upsert
            }
            Map<String, RoomEvent> ofType = copied.computeIfAbsent(event.type(),
                    type -> new HashMap<>(state.getOrDefault(type, Map.of())));
            ofType.put(event.stateKey().get(), event);
        }
        copied.forEach((type, ofType) -> byType.put(type, Collections.unmodifiableMap(ofType)));
        return Collections.unmodifiableMap(byType);
    }

    private Map<UserId, RoomMember> withMembers(List<RoomMember> changed) {
        if (changed.isEmpty()) {
            return members;
        }
        Map<UserId, RoomMember> copy = new HashMap<>(members);
        changed.forEach(member -> copy.put(member.userId(), member));
        return Collections.unmodifiableMap(copy);
    }

    private Map<ReceiptKey, Receipt> withReceipts(List<Receipt> changed) {
        if (changed.isEmpty()) {
            return receipts;
        }
        Map<ReceiptKey, Receipt> copy = new HashMap<>(receipts);
        changed.forEach(r -> copy.put(new ReceiptKey(r.receiptType(), r.threadId(), r.userId()), r));
        return Collections.unmodifiableMap(copy);
    }

    private Map<String, BasicEvent> withAccountData(List<BasicEvent> changed) {
        if (changed.isEmpty()) {
            return accountData;
        }
        Map<String, BasicEvent> copy = new HashMap<>(accountData);
        changed.forEach(event -> copy.put(event.type(), event));
        return Collections.unmodifiableMap(copy);
    }

    public RoomInfo info() {
        return info;
    }

    public Optional<RoomEvent> stateEvent(String type, String stateKey) {
        return Optional.ofNullable(state.getOrDefault(type, Map.of()).get(stateKey));
    }

    public List<RoomEvent> stateEvents(String type) {
        return List.copyOf(state.getOrDefault(type, Map.of()).values());
    }

    public List<StrippedStateEvent> strippedState() {
        return stripped;
    }

    public List<RoomMember> members() {
        return List.copyOf(members.values());
    }

    public Optional<RoomMember> member(UserId userId) {
        return Optional.ofNullable(members.get(userId));
    }

    /** Up to {@code limit} stored events with a position below {@code before}, oldest first. */
    public List<StoredEvent> eventsBefore(long before, int limit) {
        int low = 0;
        int end = timeline.size(); // binary search: the first index whose position is >= before
        while (low < end) {
            int mid = (low + end) >>> 1;
            if (timeline.get(mid).position() < before) {
                low = mid + 1;
            } else {
                end = mid;
            }
        }
        return List.copyOf(timeline.subList(Math.max(0, end - limit), end));
    }

    public Optional<StoredEvent> event(String eventId) {
        return Optional.ofNullable(byEventId.get(eventId));
    }

    public List<TimelineGap> gaps() {
        return gaps;
    }

    public List<Receipt> receipts() {
        return List.copyOf(receipts.values());
    }

    public List<UserId> typing() {
        return typing;
    }

    public Optional<BasicEvent> accountData(String type) {
        return Optional.ofNullable(accountData.get(type));
    }
}
