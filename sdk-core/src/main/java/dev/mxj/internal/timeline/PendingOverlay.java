package dev.mxj.internal.timeline;

import dev.mxj.event.EventContent;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.relations.Edits;
import dev.mxj.relations.Reaction;
import dev.mxj.relations.ReactionGroup;
import dev.mxj.relations.Redaction;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendState;
import dev.mxj.timeline.Aggregations;
import dev.mxj.timeline.PendingChanges;
import dev.mxj.timeline.TimelineItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the own edits, reactions and redactions still in the send queue to the item of the event
 * they target, as matrix-rust-sdk does: a queued redaction shows the event redacted (its relations
 * dropped), the newest queued edit is the content, a queued reaction counts in its key's group
 * ({@link Reaction#isPending()}), and a queued redaction of an own reaction or edit takes it out.
 * The item's {@link Aggregations#pending()} says what is applied. Pure functions.
 */
final class PendingOverlay {
    private PendingOverlay() {
    }

    /**
     * @param item     the item as the server's events make it
     * @param on       the queued relations that target it, in queue order
     * @param redacted the events queued redactions target (own reactions and edits among them)
     */
    static TimelineItem.Event apply(TimelineItem.Event item, List<LocalEcho> on, Set<EventId> redacted,
                                    Optional<UserId> me, EventRegistry registry, String roomVersion) {
        if (!(item.event() instanceof RoomEvent original) || (on.isEmpty() && !touches(item, redacted))) {
            return item;
        }
        Aggregations was = item.aggregations();
        Optional<LocalEcho> redaction = on.stream().filter(LocalEchoes::isRedaction).reduce((a, b) -> b);
        if (redaction.isPresent() && !item.isRedacted()) {
            return redactedAtOnce(item, original, redaction.get(), me, registry, roomVersion);
        }
        List<RoomEvent> edits = was.edits().stream().filter(e -> !redacted.contains(e.eventId())).toList();
        Optional<LocalEcho> edit = item.isRedacted() || me.filter(original.sender()::equals).isEmpty()
                ? Optional.empty()
                : on.stream().filter(e -> isEdit(e, original)).reduce((a, b) -> b);
        Optional<EventContent> content = edit.isPresent()
                ? edit.get().content().object("m.new_content").map(c -> registry.parseContent(original.type(), c))
                : edits.size() == was.edits().size() ? was.editedContent()
                : edits.isEmpty() ? Optional.empty()
                : Edits.newContent(edits.get(edits.size() - 1)).map(c -> registry.parseContent(original.type(), c));
        Map<String, EventId> own = new LinkedHashMap<>(was.ownReactions());
        own.values().removeIf(redacted::contains);
        List<ReactionGroup> groups = new ArrayList<>();
        was.reactions().forEach(g -> {
            List<Reaction> kept = g.reactions().stream()
                    .filter(r -> r.eventId().filter(redacted::contains).isEmpty()).toList();
            if (!kept.isEmpty()) {
                groups.add(new ReactionGroup(g.key(), kept));
            }
        });
        Map<String, LocalEcho> reactions = new LinkedHashMap<>();
        if (me.isPresent() && !item.isRedacted()) {
            on.stream().filter(LocalEchoes::isReaction).forEach(echo -> react(groups, own, reactions, echo, me.get()));
        }
        return new TimelineItem.Event(item.event(), item.decryption(), new Aggregations(edits, content, groups, own,
                was.thread(), was.inReplyTo(), was.threadRoot(), was.readReceipts(),
                new PendingChanges(edit, Optional.empty(), reactions)));
    }

    /** True when a queued redaction targets one of the item's edits or reactions. */
    private static boolean touches(TimelineItem.Event item, Set<EventId> redacted) {
        if (redacted.isEmpty()) {
            return false;
        }
        Aggregations a = item.aggregations();
        return a.edits().stream().anyMatch(e -> redacted.contains(e.eventId()))
                || a.reactions().stream().flatMap(g -> g.reactions().stream())
                .anyMatch(r -> r.eventId().filter(redacted::contains).isPresent());
    }

    private static boolean isEdit(LocalEcho echo, RoomEvent original) {
        return !LocalEchoes.isRedaction(echo) && !LocalEchoes.isReaction(echo)
                && echo.eventType().equals(original.type()) && echo.content().object("m.new_content").isPresent();
    }

    /** Adds the own queued reaction {@code echo} to its key's group, unless the server's copy is there. */
    private static void react(List<ReactionGroup> groups, Map<String, EventId> own, Map<String, LocalEcho> pending,
                              LocalEcho echo, UserId me) {
        Optional<String> key = LocalEchoes.relation(echo).flatMap(r -> r.string("key"));
        if (key.isEmpty() || own.containsKey(key.get()) || pending.containsKey(key.get())) {
            return;
        }
        Optional<EventId> id = echo.state() instanceof SendState.Sent sent ? Optional.of(sent.eventId())
                : Optional.empty();
        Reaction reaction = new Reaction(id, me, echo.queuedAt().toEpochMilli(), Optional.of(echo.transactionId()));
        int at = indexOf(groups, key.get());
        if (at < 0) {
            groups.add(new ReactionGroup(key.get(), List.of(reaction)));
        } else if (groups.get(at).by(me).isEmpty()) {
            List<Reaction> more = new ArrayList<>(groups.get(at).reactions());
            more.add(reaction);
            groups.set(at, new ReactionGroup(key.get(), more));
        }
        id.ifPresent(sentId -> own.put(key.get(), sentId));
        pending.put(key.get(), echo);
    }

    private static int indexOf(List<ReactionGroup> groups, String key) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The item redacted by the room version's algorithm, its {@code redacted_because} the queued redaction. */
    private static TimelineItem.Event redactedAtOnce(TimelineItem.Event item, RoomEvent original, LocalEcho echo,
                                                     Optional<UserId> me, EventRegistry registry, String roomVersion) {
        Map<String, Object> because = new LinkedHashMap<>();
        because.put("type", Scope.REDACTION);
        me.ifPresent(user -> because.put("sender", user.value()));
        because.put("origin_server_ts", echo.queuedAt().toEpochMilli());
        because.put("redacts", original.eventId().value());
        because.put("content", echo.content().tree());
        because.put("unsigned", Map.of("transaction_id", echo.transactionId()));
        RawJson redacted = Redaction.redact(original.raw(), roomVersion, RawJson.ofTree(because));
        RoomEvent shown = registry.parseRoomEvent(redacted) instanceof RoomEvent copy ? copy : original;
        Aggregations was = item.aggregations();
        return new TimelineItem.Event(shown, item.decryption(), new Aggregations(List.of(), Optional.empty(),
                List.of(), Map.of(), was.thread(), Optional.empty(), was.threadRoot(), was.readReceipts(),
                new PendingChanges(Optional.empty(), Optional.of(echo), Map.of())));
    }
}
