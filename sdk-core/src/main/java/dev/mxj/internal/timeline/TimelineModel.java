package dev.mxj.internal.timeline;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.room.Receipt;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendState;
import dev.mxj.timeline.TimelineDiff;
import dev.mxj.timeline.TimelineItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The item list of a timeline and the diffs that change it: sans-I/O, not thread-safe (the owner
 * locks). Every loaded event goes into an {@link EventIndex}; only those its {@link Scope} shows
 * become items, rendered with their aggregations. Events are deduplicated by event ID: a newer copy
 * of an event replaces it in place; an older copy is dropped. When a loaded event changes another
 * one (an edit, a reaction, a redaction, a thread reply, a receipt), the other's item is replaced
 * with a {@link TimelineDiff.Set}. A {@link TimelineItem.Gap} is only ever the first item. Local
 * echoes ({@link TimelineItem.Local}) are always the last items: newer events go before them, and
 * an event whose {@code unsigned.transaction_id} is a local echo's replaces it. Queued edits,
 * reactions and redactions have no row: they apply to their target's item at once
 * ({@link PendingOverlay}), until their remote echo replaces them in the same diff.
 */
public final class TimelineModel {
    private final EventIndex index;
    private final List<TimelineItem> items = new ArrayList<>();
    /** Transaction IDs of the events loaded: their local echoes are done. */
    private final Set<String> echoed = new HashSet<>();
    /** The local echoes not done yet: rows, and relations applied to their targets. */
    private final LocalEchoes locals = new LocalEchoes();
    /** Applied to events before they are loaded: decryption (see {@link TimelineDecryption}). */
    private UnaryOperator<List<SyncEvent>> incoming = UnaryOperator.identity();

    /** A main timeline with the default registry, room version 1 and no own user. */
    public TimelineModel() {
        this(EventIndex.mainDefaults());
    }

    public TimelineModel(EventIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /** Passes every event through {@code step} (decryption) before it is loaded. */
    public TimelineModel decryptingWith(UnaryOperator<List<SyncEvent>> step) {
        this.incoming = Objects.requireNonNull(step, "step");
        return this;
    }

    /**
     * Puts newer copies of loaded events in their place (an event decrypted late, or again once its key
     * came) without passing them through decryption, and re-renders what they change.
     */
    public List<TimelineDiff> replaceLoaded(List<SyncEvent> copies) {
        Set<EventId> affected = new LinkedHashSet<>();
        for (SyncEvent copy : copies) {
            EventIndex.idOf(copy).filter(index::knows).ifPresent(id -> affected.addAll(index.replace(copy)));
        }
        return refresh(affected, Set.of());
    }

    public List<TimelineItem> items() {
        return List.copyOf(items);
    }

    public boolean startsWithGap() {
        return !items.isEmpty() && items.get(0) instanceof TimelineItem.Gap;
    }

    /** The oldest event item, if any. */
    public Optional<TimelineItem.Event> oldestEvent() {
        for (TimelineItem item : items) {
            if (item instanceof TimelineItem.Event event) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /** The oldest loaded event, shown or not: where to page back from. */
    public Optional<EventId> oldestLoaded() {
        return index.oldestLoaded();
    }

    /** Replaces everything with {@code oldestFirst}, after a gap marker if {@code gapBefore}. */
    public List<TimelineDiff> reset(List<SyncEvent> oldestFirst, boolean gapBefore) {
        return reset(oldestFirst, gapBefore, locals.all());
    }

    /** Replaces everything with {@code oldestFirst}, then the local echoes {@code locals} not yet echoed. */
    public List<TimelineDiff> reset(List<SyncEvent> oldestFirst, boolean gapBefore, List<LocalEcho> locals) {
        oldestFirst = incoming.apply(oldestFirst);
        List<LocalEcho> queued = List.copyOf(locals);
        items.clear();
        index.clear();
        this.locals.clear();
        if (gapBefore) {
            items.add(new TimelineItem.Gap());
        }
        List<SyncEvent> fresh = ingest(oldestFirst, false, new LinkedHashSet<>());
        index.receipts().place();
        for (LocalEcho echo : queued) {
            learn(echo);
            if (!isDone(echo) && belongs(echo)) {
                this.locals.put(echo);
            }
        }
        for (SyncEvent event : fresh) {
            items.add(render(event));
        }
        items.addAll(this.locals.rows());
        return List.of(new TimelineDiff.Reset(items));
    }

    /** Adds newer events at the end; one already loaded is replaced where it is. */
    public List<TimelineDiff> append(List<SyncEvent> oldestFirst) {
        oldestFirst = incoming.apply(oldestFirst);
        Set<EventId> affected = new LinkedHashSet<>();
        for (SyncEvent event : oldestFirst) {
            Optional<String> txn = transactionId(event);
            Optional<EventId> id = EventIndex.idOf(event);
            txn.ifPresent(echoed::add);
            txn.ifPresent(t -> id.ifPresent(i -> locals.learn(t, i)));
            for (LocalEcho echo : locals.all()) {
                if (txn.filter(echo.transactionId()::equals).isPresent() || (echo.state() instanceof SendState.Sent
                        sent && id.filter(sent.eventId()::equals).isPresent())) {
                    echoed.add(echo.transactionId());
                    affected.addAll(targets(echo));
                    locals.remove(echo.transactionId());
                }
            }
        }
        List<TimelineDiff> diffs = new ArrayList<>(syncRows());
        List<SyncEvent> fresh = ingest(oldestFirst, false, affected);
        affected.addAll(index.receipts().place());
        Set<EventId> freshIds = ids(fresh);
        diffs.addAll(refresh(affected, freshIds));
        List<TimelineItem> added = new ArrayList<>();
        fresh.forEach(event -> added.add(render(event)));
        int at = items.size() - localItems().size();
        if (!added.isEmpty() && at == items.size()) {
            items.addAll(added);
            diffs.add(new TimelineDiff.Append(added));
        } else {
            for (TimelineItem item : added) {
                items.add(at, item);
                diffs.add(new TimelineDiff.Insert(at++, item));
            }
        }
        return diffs;
    }

    /**
     * Adds older events at the start (dropping any already loaded), with a gap marker before them
     * if {@code gapBefore}. A gap marker that was first goes away.
     */
    public List<TimelineDiff> prepend(List<SyncEvent> oldestFirst, boolean gapBefore) {
        oldestFirst = incoming.apply(oldestFirst);
        Set<EventId> affected = new LinkedHashSet<>();
        List<SyncEvent> fresh = ingest(oldestFirst, true, affected);
        affected.addAll(index.receipts().place());
        List<TimelineItem> added = new ArrayList<>();
        fresh.forEach(event -> added.add(render(event)));
        boolean hadGap = startsWithGap();
        List<TimelineDiff> diffs = new ArrayList<>();
        if (!added.isEmpty() || hadGap != gapBefore) {
            if (hadGap) {
                items.remove(0);
                diffs.add(new TimelineDiff.Remove(0));
            }
            if (gapBefore) {
                added.add(0, new TimelineItem.Gap());
            }
            if (!added.isEmpty()) {
                items.addAll(0, added);
                diffs.add(new TimelineDiff.Prepend(added));
            }
        }
        diffs.addAll(refresh(affected, ids(fresh)));
        return diffs;
    }

    /** Applies new read receipts (each replaces its user's of the same type and thread). */
    public List<TimelineDiff> receipts(Collection<Receipt> receipts) {
        if (receipts.isEmpty()) {
            return List.of();
        }
        index.receipts().merge(receipts);
        Set<EventId> affected = new LinkedHashSet<>(index.receipts().place());
        index.me().filter(me -> receipts.stream().anyMatch(r -> r.userId().equals(me)))
                .ifPresent(me -> affected.addAll(index.threadRoots())); // unread counts may change
        return refresh(affected, Set.of());
    }

    /**
     * The event to send a read receipt for: the newest shown event of another user, unless an own
     * event or the own receipt of this timeline's thread is already there or later.
     */
    public Optional<EventId> receiptTarget() {
        List<EventId> shown = index.shownIds();
        if (shown.isEmpty() || index.me().isEmpty()) {
            return Optional.empty();
        }
        EventId newest = shown.get(shown.size() - 1);
        if (!(index.event(newest).orElseThrow() instanceof RoomEvent event) || event.sender().equals(index.me().get())) {
            return Optional.empty(); // own events are read; a malformed one cannot take a receipt
        }
        long position = index.orderOf(newest).orElseThrow();
        boolean read = index.receipts().readUpTo(index.scope().receiptThread())
                .stream().anyMatch(upTo -> upTo >= position);
        return read ? Optional.empty() : Optional.of(newest);
    }

    /**
     * Shows a local echo's new state: a row updated in place, added at the end, or removed when
     * cancelled; an edit, reaction or redaction applied to (or, cancelled, taken off) its target's
     * item. An echo whose event is already shown, or that belongs to another thread, is ignored.
     */
    public List<TimelineDiff> upsertLocal(LocalEcho echo) {
        learn(echo);
        Set<EventId> affected = new LinkedHashSet<>();
        Optional<LocalEcho> before = locals.get(echo.transactionId());
        if (before.isEmpty() && (isDone(echo) || !belongs(echo))) {
            return List.of();
        }
        before.ifPresent(b -> affected.addAll(targets(b)));
        if (isDone(echo) || !belongs(echo)) {
            locals.remove(echo.transactionId());
        } else {
            locals.put(echo);
            affected.addAll(targets(echo));
        }
        List<TimelineDiff> diffs = new ArrayList<>(syncRows());
        diffs.addAll(refresh(affected, Set.of()));
        return diffs;
    }

    /** Renders a loaded event's item with the queued relations that target it. */
    private TimelineItem.Event render(SyncEvent event) {
        TimelineItem.Event item = index.render(event);
        Optional<EventId> id = EventIndex.idOf(event);
        if (id.isEmpty()) {
            return item;
        }
        return PendingOverlay.apply(item, locals.on(id.get()), locals.redacted(), index.me(), index.registry(),
                index.roomVersion());
    }

    /** Local rows stay here; relations are kept whatever thread their target is in (they apply only where shown). */
    private boolean belongs(LocalEcho echo) {
        return LocalEchoes.isRelation(echo) || index.scope().shows(echo);
    }

    private void learn(LocalEcho echo) {
        if (echo.state() instanceof SendState.Sent sent) {
            locals.learn(echo.transactionId(), sent.eventId());
        }
    }

    /** The loaded events whose items a queued relation changes (its target, that one's target...). */
    private Set<EventId> targets(LocalEcho echo) {
        Optional<EventId> target = locals.target(echo);
        if (target.isPresent()) {
            return index.chainOf(target.get());
        }
        // Waiting for a queued event: a redaction of a queued reaction changes that reaction's target.
        return locals.parentTxn(echo).flatMap(locals::get).filter(LocalEchoes::isRelation)
                .flatMap(locals::target).map(index::chainOf).orElse(Set.of());
    }

    /** Makes the local rows at the end what the queue says, with as few diffs as it takes. */
    private List<TimelineDiff> syncRows() {
        List<TimelineItem.Local> wanted = locals.rows();
        Set<String> keep = new HashSet<>();
        wanted.forEach(row -> keep.add(row.echo().transactionId()));
        List<TimelineDiff> diffs = new ArrayList<>();
        int base = items.size() - localItems().size();
        for (int i = items.size() - 1; i >= base; i--) {
            if (!keep.contains(((TimelineItem.Local) items.get(i)).echo().transactionId())) {
                items.remove(i);
                diffs.add(new TimelineDiff.Remove(i));
            }
        }
        int at = base;
        for (TimelineItem.Local row : wanted) {
            if (at < items.size()
                    && ((TimelineItem.Local) items.get(at)).echo().transactionId().equals(row.echo().transactionId())) {
                if (!items.get(at).equals(row)) {
                    items.set(at, row);
                    diffs.add(new TimelineDiff.Set(at, row));
                }
            } else if (at == items.size()) {
                items.add(row);
                diffs.add(new TimelineDiff.Append(List.of(row)));
            } else {
                items.add(at, row);
                diffs.add(new TimelineDiff.Insert(at, row));
            }
            at++;
        }
        return diffs;
    }

    /**
     * Loads {@code oldestFirst} into the index, after (or, if {@code older}, before) everything
     * loaded. Answers the new events to show, in order; adds to {@code affected} the loaded events
     * they change. A copy of a loaded event replaces it when newer; an older copy is dropped.
     */
    private List<SyncEvent> ingest(List<SyncEvent> oldestFirst, boolean older, Set<EventId> affected) {
        List<SyncEvent> fresh = new ArrayList<>();
        Set<EventId> batch = new HashSet<>();
        List<SyncEvent> unseen = new ArrayList<>();
        for (SyncEvent event : oldestFirst) {
            Optional<EventId> id = EventIndex.idOf(event);
            if (id.isPresent() && (index.knows(id.get()) || !batch.add(id.get()))) {
                if (!older && index.knows(id.get())) {
                    affected.addAll(index.replace(event));
                } else if (!older) {
                    replaceIn(unseen, event);
                }
                continue;
            }
            unseen.add(event);
        }
        long position = index.reserve(unseen.size(), older);
        for (SyncEvent event : unseen) {
            affected.addAll(index.add(event, position++));
            Optional<EventId> id = EventIndex.idOf(event);
            if (id.isEmpty() ? index.scope().shows(event) : index.isShown(id.get())) {
                fresh.add(event);
            }
            transactionId(event).ifPresent(echoed::add);
        }
        return fresh;
    }

    /** Replaces the items of {@code affected} (those shown, except the new ones) where they changed. */
    private List<TimelineDiff> refresh(Set<EventId> affected, Set<EventId> fresh) {
        List<TimelineDiff> diffs = new ArrayList<>();
        for (EventId id : affected) {
            if (fresh.contains(id) || !index.isShown(id)) {
                continue;
            }
            int at = indexOf(id);
            if (at < 0) {
                continue;
            }
            TimelineItem.Event item = render(index.event(id).orElseThrow());
            if (!item.equals(items.get(at))) {
                items.set(at, item);
                diffs.add(new TimelineDiff.Set(at, item));
            }
        }
        return diffs;
    }

    private static void replaceIn(List<SyncEvent> batch, SyncEvent copy) {
        Optional<EventId> id = EventIndex.idOf(copy);
        for (int i = 0; i < batch.size(); i++) {
            if (EventIndex.idOf(batch.get(i)).equals(id)) {
                batch.set(i, copy);
                return;
            }
        }
    }

    private static Set<EventId> ids(List<SyncEvent> events) {
        Set<EventId> out = new HashSet<>();
        events.forEach(event -> EventIndex.idOf(event).ifPresent(out::add));
        return out;
    }

    /**
     * True if a local echo is no longer shown: cancelled, or its event is loaded (matched by
     * {@code unsigned.transaction_id}, or by the event ID the server answered: Dendrite's redactions
     * come back by sync without a transaction ID).
     */
    private boolean isDone(LocalEcho echo) {
        if (echo.state() instanceof SendState.Sent sent && index.knows(sent.eventId())) {
            echoed.add(echo.transactionId());
        }
        return echo.state() instanceof SendState.Cancelled || echoed.contains(echo.transactionId());
    }

    private List<TimelineItem.Local> localItems() {
        int first = items.size();
        while (first > 0 && items.get(first - 1) instanceof TimelineItem.Local) {
            first--;
        }
        return items.subList(first, items.size()).stream().map(TimelineItem.Local.class::cast).toList();
    }

    private int indexOf(EventId id) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof TimelineItem.Event event && event.eventId().filter(id::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> transactionId(SyncEvent event) {
        return event instanceof RoomEvent e ? e.unsigned().string("transaction_id") : Optional.empty();
    }
}
