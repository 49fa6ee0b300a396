package dev.mxj.internal.timeline;

import dev.mxj.event.DecryptionResult;
import dev.mxj.event.EventContent;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.MalformedEvent;
import dev.mxj.event.PlainText;
import dev.mxj.event.Relation;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.internal.relations.RelatesTo;
import dev.mxj.json.RawJson;
import dev.mxj.relations.Edits;
import dev.mxj.relations.ReactionGroup;
import dev.mxj.relations.Reactions;
import dev.mxj.relations.Redaction;
import dev.mxj.relations.Replies;
import dev.mxj.timeline.Aggregations;
import dev.mxj.timeline.TimelineItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every event a timeline has loaded, shown or not, in timeline order, and what relates to what:
 * edits and reactions by target, thread replies by root, redactions by redacted event; with the
 * room's read receipts ({@link ReceiptIndex}). Renders an event's {@link TimelineItem.Event} from
 * them. A relation whose target is not loaded yet waits here and applies when the target comes
 * (back-pagination loads newer events first). Sans-I/O; not thread-safe (the model's owner locks).
 */
public final class EventIndex {
    /** How many relation hops a change travels up: a reaction to a thread reply changes the root's summary. */
    private static final int HOPS = 3;

    private final Scope scope;
    private final EventRegistry registry;
    private final Supplier<String> roomVersion;
    private final Optional<UserId> me;
    private final ReceiptIndex receipts;

    private final Map<EventId, SyncEvent> events = new HashMap<>();
    private final Map<EventId, Long> order = new HashMap<>();
    private final NavigableMap<Long, EventId> byOrder = new TreeMap<>();
    private final NavigableMap<Long, EventId> shown = new TreeMap<>();
    /** Edits and reactions by the event they target (which may not be loaded yet). */
    private final Map<EventId, Map<EventId, RoomEvent>> children = new HashMap<>();
    /** Thread replies by root. */
    private final Map<EventId, Set<EventId>> replies = new HashMap<>();
    /** Each edit, reaction or thread reply's target or root. */
    private final Map<EventId, EventId> parent = new HashMap<>();
    /** The first redaction seen of each redacted event. */
    private final Map<EventId, RoomEvent> redactions = new HashMap<>();
    private final Map<EventId, RoomEvent> redactedCopies = new HashMap<>();
    private long newest;
    private long oldest = 1;
    /** What became of each event's encryption (see {@link TimelineDecryption}). */
    private Function<SyncEvent, DecryptionResult> decryption = event -> new PlainText();

    /**
     * @param scope       which events are items
     * @param registry    parses redacted copies and edited contents
     * @param roomVersion the room's version, for the redaction algorithm (read when a redaction applies)
     * @param me          the own user: own reactions, participation, unread counts
     */
    public EventIndex(Scope scope, EventRegistry registry, Supplier<String> roomVersion, Optional<UserId> me) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.roomVersion = Objects.requireNonNull(roomVersion, "roomVersion");
        this.me = Objects.requireNonNull(me, "me");
        this.receipts = new ReceiptIndex(this, scope, me);
    }

    /** The main timeline's index with the default registry, room version 1 and no own user. */
    public static EventIndex mainDefaults() {
        return new EventIndex(Scope.main(), EventRegistry.defaults(), () -> "1", Optional.empty());
    }

    Scope scope() {
        return scope;
    }

    /** This index, rendering each item with the decryption result {@code results} gives for its event. */
    EventIndex decryptedBy(Function<SyncEvent, DecryptionResult> results) {
        this.decryption = Objects.requireNonNull(results, "results");
        return this;
    }

    ReceiptIndex receipts() {
        return receipts;
    }

    Optional<UserId> me() {
        return me;
    }

    EventRegistry registry() {
        return registry;
    }

    String roomVersion() {
        return roomVersion.get();
    }

    /** {@code id} and the loaded events it relates to (an edit's or reaction's target, a reply's root). */
    Set<EventId> chainOf(EventId id) {
        return chain(id);
    }

    /** Forgets every event (receipts are kept). */
    void clear() {
        events.clear();
        order.clear();
        byOrder.clear();
        shown.clear();
        children.clear();
        replies.clear();
        parent.clear();
        redactions.clear();
        redactedCopies.clear();
    }

    boolean knows(EventId id) {
        return order.containsKey(id);
    }

    /** The first of {@code count} positions after every loaded event ({@code older} false) or before them. */
    long reserve(int count, boolean older) {
        if (older) {
            oldest -= count;
            return oldest;
        }
        long first = newest + 1;
        newest += count;
        return first;
    }

    /**
     * Adds an event not loaded before at {@code position}. Answers the loaded events whose items may
     * change because of it (the targets of an edit, reaction or redaction, a reply's root).
     */
    Set<EventId> add(SyncEvent event, long position) {
        Optional<EventId> id = idOf(event);
        if (id.isEmpty()) {
            return Set.of();
        }
        EventId eventId = id.get();
        events.put(eventId, event);
        order.put(eventId, position);
        byOrder.put(position, eventId);
        if (scope.shows(event)) {
            shown.put(position, eventId);
        }
        Set<EventId> affected = new LinkedHashSet<>();
        if (event instanceof RoomEvent e && !e.isState()) {
            relate(e, affected);
            bundledEdit(e);
        }
        return affected;
    }

    /** A newer copy of a loaded event (e.g. redacted by the server): kept in place. Answers what may change. */
    Set<EventId> replace(SyncEvent copy) {
        EventId id = idOf(copy).orElseThrow();
        events.put(id, copy);
        redactedCopies.remove(id);
        EventId target = parent.get(id);
        if (target != null && copy instanceof RoomEvent e && children.containsKey(target)
                && children.get(target).containsKey(id)) {
            children.get(target).put(id, e);
        }
        return chain(id);
    }

    private void relate(RoomEvent e, Set<EventId> affected) {
        if (e.type().equals(Scope.REDACTION)) {
            Redaction.redactedEventId(e.raw()).ifPresent(target -> {
                redactions.putIfAbsent(target, e);
                redactedCopies.remove(target);
                affected.addAll(chain(target));
            });
            return;
        }
        Optional<String> rel = RelatesTo.relType(e);
        if (rel.filter(t -> t.equals(Relation.REPLACE) || t.equals(Relation.ANNOTATION)).isPresent()) {
            Scope.target(e).ifPresent(target -> {
                children.computeIfAbsent(target, k -> new LinkedHashMap<>()).put(e.eventId(), e);
                parent.put(e.eventId(), target);
                affected.addAll(chain(target));
            });
        } else {
            Scope.threadRoot(e).ifPresent(root -> {
                replies.computeIfAbsent(root, k -> new LinkedHashSet<>()).add(e.eventId());
                parent.put(e.eventId(), root);
                affected.addAll(chain(root));
            });
        }
    }

    /** The latest edit a server bundled in {@code unsigned.m.relations.m.replace} (Matrix 1.7), when whole. */
    private void bundledEdit(RoomEvent original) {
        Optional<RawJson> bundled = original.unsigned().object("m.relations").flatMap(r -> r.object(Relation.REPLACE));
        if (bundled.isEmpty() || !bundled.get().has("content")) {
            return;
        }
        if (registry.parseRoomEvent(bundled.get()) instanceof RoomEvent edit && Edits.isValidEdit(original, edit)) {
            children.computeIfAbsent(original.eventId(), k -> new LinkedHashMap<>()).putIfAbsent(edit.eventId(), edit);
            parent.putIfAbsent(edit.eventId(), original.eventId());
        }
    }

    /** {@code id} and the events it relates to, up a few hops. */
    private Set<EventId> chain(EventId id) {
        Set<EventId> out = new LinkedHashSet<>();
        EventId current = id;
        for (int hop = 0; current != null && hop <= HOPS && out.add(current); hop++) {
            current = parent.get(current);
        }
        return out;
    }

    /** The event as loaded (not redacted locally). */
    Optional<SyncEvent> event(EventId id) {
        return Optional.ofNullable(events.get(id));
    }

    OptionalLong orderOf(EventId id) {
        Long position = order.get(id);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    boolean isShown(EventId id) {
        Long position = order.get(id);
        return position != null && shown.containsKey(position);
    }

    /** The shown event at {@code position}, or the nearest shown one before it. */
    Optional<EventId> shownAtOrBefore(long position) {
        return Optional.ofNullable(shown.floorEntry(position)).map(Map.Entry::getValue);
    }

    /** The oldest loaded event, shown or not. */
    Optional<EventId> oldestLoaded() {
        return byOrder.isEmpty() ? Optional.empty() : Optional.of(byOrder.firstEntry().getValue());
    }

    /** Every shown event, oldest first. */
    List<EventId> shownIds() {
        return new ArrayList<>(shown.values());
    }

    /** The shown events that have loaded thread replies. */
    Set<EventId> threadRoots() {
        Set<EventId> out = new LinkedHashSet<>();
        replies.keySet().forEach(root -> {
            if (isShown(root)) {
                out.add(root);
            }
        });
        return out;
    }

    /** The loaded thread replies of {@code root}, not redacted, oldest first. */
    List<RoomEvent> repliesOf(EventId root) {
        Set<EventId> ids = replies.getOrDefault(root, Set.of());
        List<RoomEvent> out = new ArrayList<>(ids.size());
        ids.stream().sorted((a, b) -> Long.compare(order.getOrDefault(a, 0L), order.getOrDefault(b, 0L)))
                .forEach(id -> {
                    if (events.get(id) instanceof RoomEvent reply && !isRedacted(reply)) {
                        out.add(reply);
                    }
                });
        return out;
    }

    boolean isRedacted(RoomEvent event) {
        return RelatesTo.isRedacted(event) || redactions.containsKey(event.eventId());
    }

    /** The item of {@code event} (a loaded one) with everything related to it. */
    TimelineItem.Event render(SyncEvent event) {
        return render(event, true);
    }

    /** As {@link #render(SyncEvent)}; without the thread summary and receipts for a summary's latest reply. */
    TimelineItem.Event render(SyncEvent event, boolean whole) {
        if (!(event instanceof RoomEvent original)) {
            List<dev.mxj.room.Receipt> at = idOf(event).map(receipts::at).orElse(List.of());
            return new TimelineItem.Event(event, decryption.apply(event), at.isEmpty() ? Aggregations.none()
                    : new Aggregations(List.of(),
                    Optional.empty(), List.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), at));
        }
        EventId id = original.eventId();
        boolean redacted = isRedacted(original);
        RoomEvent shownEvent = redacted && !RelatesTo.isRedacted(original) ? redactedCopy(original) : original;
        List<RoomEvent> related = redacted ? List.of() : liveChildren(id);
        List<RoomEvent> edits = Edits.history(original, related);
        Optional<EventContent> edited = edits.isEmpty() ? Optional.empty()
                : Edits.newContent(edits.get(edits.size() - 1)).map(c -> registry.parseContent(original.type(), c));
        List<ReactionGroup> reactions = Reactions.aggregate(id, related);
        Map<String, EventId> own = new LinkedHashMap<>();
        me.ifPresent(user -> reactions.forEach(g -> g.by(user).ifPresent(r -> r.eventId().ifPresent(id2 -> own.put(g.key(), id2)))));
        return new TimelineItem.Event(shownEvent, decryption.apply(original), new Aggregations(edits, edited,
                reactions, own,
                whole ? ThreadInfos.of(this, registry, original) : Optional.empty(),
                redacted ? Optional.empty() : Replies.inReplyTo(original), Scope.threadRoot(original),
                whole ? receipts.at(id) : List.of()));
    }

    private List<RoomEvent> liveChildren(EventId id) {
        Map<EventId, RoomEvent> all = children.get(id);
        if (all == null) {
            return List.of();
        }
        List<RoomEvent> out = new ArrayList<>(all.size());
        all.values().forEach(child -> {
            if (!redactions.containsKey(child.eventId())) {
                out.add(child);
            }
        });
        return out;
    }

    private RoomEvent redactedCopy(RoomEvent original) {
        return redactedCopies.computeIfAbsent(original.eventId(), id -> {
            RawJson redacted = Redaction.redact(original.raw(), roomVersion.get(), redactions.get(id).raw());
            return registry.parseRoomEvent(redacted) instanceof RoomEvent copy ? copy : original;
        });
    }

    static Optional<EventId> idOf(SyncEvent event) {
        if (event instanceof RoomEvent e) {
            return Optional.of(e.eventId());
        }
        return ((MalformedEvent) event).eventId().flatMap(Scope::eventId);
    }
}
