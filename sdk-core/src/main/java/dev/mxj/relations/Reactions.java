package dev.mxj.relations;

import dev.mxj.event.Relation;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.internal.relations.RelatesTo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reactions ({@code rel_type} {@code m.annotation}): counts per key with their senders. Redacted
 * reactions, reactions without a string {@code key} and state events are ignored; a sender who
 * reacted twice with the same key counts once (their oldest reaction is kept).
 */
public final class Reactions {
    private Reactions() {
    }

    /**
     * The reactions to {@code target} among {@code events}, one group per key, ordered by each
     * key's first reaction.
     */
    public static List<ReactionGroup> aggregate(EventId target, Collection<RoomEvent> events) {
        return aggregate(target, events, Set.of());
    }

    /**
     * As {@link #aggregate(EventId, Collection)}, also ignoring the reactions in {@code redacted}
     * (redactions seen locally but not yet applied to the events).
     */
    public static List<ReactionGroup> aggregate(EventId target, Collection<RoomEvent> events,
                                                Set<EventId> redacted) {
        Objects.requireNonNull(target, "target");
        List<RoomEvent> sorted = events.stream()
                .filter(e -> isReactionTo(target, e) && !redacted.contains(e.eventId()))
                .sorted(Comparator.comparingLong(RoomEvent::originServerTs).thenComparing(e -> e.eventId().value()))
                .toList();
        Map<String, List<Reaction>> byKey = new LinkedHashMap<>();
        for (RoomEvent event : sorted) {
            String key = RelatesTo.of(event).flatMap(r -> r.string("key")).orElseThrow();
            List<Reaction> group = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            if (group.stream().noneMatch(r -> r.sender().equals(event.sender()))) {
                group.add(new Reaction(event.eventId(), event.sender(), event.originServerTs()));
            }
        }
        List<ReactionGroup> out = new ArrayList<>();
        byKey.forEach((key, reactions) -> out.add(new ReactionGroup(key, reactions)));
        return List.copyOf(out);
    }

    /**
     * What {@code me} must do to toggle the reaction {@code key}: redact their existing reaction
     * with that key, cancel it if it is a local echo not sent yet, or send one.
     */
    public static ReactionToggle toggle(List<ReactionGroup> groups, UserId me, String key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst()
                .flatMap(g -> g.by(me))
                .<ReactionToggle>map(r -> r.eventId().<ReactionToggle>map(ReactionToggle.Redact::new)
                        .orElseGet(() -> new ReactionToggle.Cancel(r.transactionId().orElseThrow())))
                .orElseGet(() -> new ReactionToggle.Send(key));
    }

    private static boolean isReactionTo(EventId target, RoomEvent event) {
        return !event.isState() && !RelatesTo.isRedacted(event)
                && RelatesTo.is(event, Relation.ANNOTATION, target.value())
                && RelatesTo.of(event).flatMap(r -> r.string("key")).isPresent();
    }
}
