package dev.mxj.internal.timeline;

import dev.mxj.event.Relation;
import dev.mxj.id.EventId;
import dev.mxj.json.RawJson;
import dev.mxj.send.LocalEcho;
import dev.mxj.timeline.TimelineItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The send queue's events a timeline shows, in queue order: those that are rows of their own
 * ({@link TimelineItem.Local}), and those that only change another event (edits, reactions,
 * redactions), which apply to their target's item ({@link PendingOverlay}). An edit or redaction of a
 * queued event not sent yet targets that event's transaction ID ({@link LocalEcho#dependsOn()}): it
 * applies to its row (an edit shows its new content; a redaction hides it), or, for a reaction, a
 * redaction takes it back. Sans-I/O; not thread-safe (the model's owner locks).
 */
final class LocalEchoes {
    private final Map<String, LocalEcho> echoes = new LinkedHashMap<>();
    /** Event IDs of queued events, by transaction ID, learnt from their state or their remote echo. */
    private final Map<String, EventId> sentIds = new HashMap<>();

    /** Edits, reactions and redactions: they change another event and have no row of their own. */
    static boolean isRelation(LocalEcho echo) {
        if (echo.eventType().equals(Scope.REDACTION)) {
            return true;
        }
        return relation(echo).flatMap(r -> r.string("rel_type"))
                .filter(t -> t.equals(Relation.REPLACE) || t.equals(Relation.ANNOTATION)).isPresent();
    }

    static boolean isRedaction(LocalEcho echo) {
        return echo.eventType().equals(Scope.REDACTION);
    }

    static boolean isReaction(LocalEcho echo) {
        return relation(echo).flatMap(r -> r.string("rel_type")).filter(Relation.ANNOTATION::equals).isPresent();
    }

    static Optional<RawJson> relation(LocalEcho echo) {
        return echo.content().object("m.relates_to");
    }

    void clear() {
        echoes.clear();
    }

    List<LocalEcho> all() {
        return List.copyOf(echoes.values());
    }

    Optional<LocalEcho> get(String txn) {
        return Optional.ofNullable(echoes.get(txn));
    }

    /** Adds or updates {@code echo} (in its place); answers what it replaced. */
    Optional<LocalEcho> put(LocalEcho echo) {
        return Optional.ofNullable(echoes.put(echo.transactionId(), echo));
    }

    Optional<LocalEcho> remove(String txn) {
        return Optional.ofNullable(echoes.remove(txn));
    }

    /** Notes that the queued event {@code txn} has the event ID {@code id}. */
    void learn(String txn, EventId id) {
        sentIds.put(txn, id);
    }

    /**
     * The event a relation targets: named in its content ({@code redacts}, {@code m.relates_to.event_id}),
     * or, for one waiting for a queued event, that event's ID once known.
     */
    Optional<EventId> target(LocalEcho echo) {
        Optional<EventId> named = isRedaction(echo)
                ? echo.redacts().or(() -> echo.content().string("redacts").flatMap(Scope::eventId))
                : relation(echo).flatMap(r -> r.string("event_id")).flatMap(Scope::eventId);
        return named.or(() -> echo.dependsOn().map(sentIds::get));
    }

    /** The queued event an edit or redaction waits for, while its event ID is not filled in. */
    Optional<String> parentTxn(LocalEcho echo) {
        boolean named = isRedaction(echo) ? echo.redacts().isPresent() || echo.content().has("redacts")
                : relation(echo).flatMap(r -> r.string("event_id")).isPresent();
        return named ? Optional.empty() : echo.dependsOn();
    }

    /** The relations (edits, reactions, redactions) that target {@code id}, in queue order, not taken back. */
    List<LocalEcho> on(EventId id) {
        List<LocalEcho> out = new ArrayList<>();
        for (LocalEcho echo : echoes.values()) {
            if (isRelation(echo) && !takenBack(echo) && target(echo).filter(id::equals).isPresent()) {
                out.add(echo);
            }
        }
        return out;
    }

    /** The events a queued redaction targets. */
    Set<EventId> redacted() {
        Set<EventId> out = new HashSet<>();
        for (LocalEcho echo : echoes.values()) {
            if (isRedaction(echo)) {
                target(echo).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The rows: queued events that are not relations and not taken back, with a waiting edit applied. */
    List<TimelineItem.Local> rows() {
        List<TimelineItem.Local> out = new ArrayList<>();
        for (LocalEcho echo : echoes.values()) {
            if (!isRelation(echo) && !takenBack(echo)) {
                out.add(new TimelineItem.Local(withWaitingEdit(echo)));
            }
        }
        return out;
    }

    /** True when a queued redaction waits for {@code echo} (not sent yet), or names its event ID. */
    private boolean takenBack(LocalEcho echo) {
        Optional<EventId> id = Optional.ofNullable(sentIds.get(echo.transactionId()));
        for (LocalEcho other : echoes.values()) {
            if (isRedaction(other) && (parentTxn(other).filter(echo.transactionId()::equals).isPresent()
                    || (id.isPresent() && target(other).equals(id)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code echo} showing the new content of the newest edit waiting for it, if any. */
    private LocalEcho withWaitingEdit(LocalEcho echo) {
        RawJson content = echo.content();
        for (LocalEcho other : echoes.values()) {
            if (!isRedaction(other) && !isReaction(other) && isRelation(other)
                    && parentTxn(other).filter(echo.transactionId()::equals).isPresent()) {
                content = other.content().object("m.new_content").orElse(content);
            }
        }
        return content.equals(echo.content()) ? echo : new LocalEcho(echo.roomId(), echo.transactionId(),
                echo.eventType(), content, echo.redacts(), echo.dependsOn(), echo.state(), echo.queuedAt());
    }
}
