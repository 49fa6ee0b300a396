package dev.mxj.internal.timeline;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEvent;
import dev.mxj.relations.ThreadSummary;
import dev.mxj.timeline.ThreadInfo;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A thread root's {@link ThreadInfo}: the server's bundled summary plus the loaded replies newer than
 * its {@code latest_event}, or the loaded replies alone when the server bundled nothing.
 */
final class ThreadInfos {
    private ThreadInfos() {
    }

    static Optional<ThreadInfo> of(EventIndex index, EventRegistry registry, RoomEvent root) {
        List<RoomEvent> local = index.repliesOf(root.eventId());
        Optional<ThreadSummary> bundled = ThreadSummary.of(root);
        if (bundled.isEmpty() && local.isEmpty()) {
            return Optional.empty();
        }
        boolean participated = index.me().filter(root.sender()::equals).isPresent()
                || local.stream().anyMatch(reply -> index.me().filter(reply.sender()::equals).isPresent());
        long count;
        Optional<RoomEvent> latest;
        if (bundled.isPresent()) {
            Optional<RoomEvent> bundledLatest = bundled.get().latestEvent().map(registry::parseRoomEvent)
                    .filter(RoomEvent.class::isInstance).map(RoomEvent.class::cast);
            List<RoomEvent> newer = bundledLatest.map(l -> local.stream().filter(r -> isAfter(index, r, l)).toList())
                    .orElse(List.of());
            count = bundled.get().count() + newer.size();
            latest = newer.isEmpty()
                    ? bundledLatest.map(l -> index.event(l.eventId()).filter(RoomEvent.class::isInstance)
                            .map(RoomEvent.class::cast).orElse(l))
                    : Optional.of(newer.get(newer.size() - 1));
            participated |= bundled.get().currentUserParticipated();
        } else {
            count = local.size();
            latest = Optional.of(local.get(local.size() - 1));
        }
        int unread = index.receipts().unread(root.eventId(), local);
        return Optional.of(new ThreadInfo(count, latest.map(l -> index.render(l, false)), participated, unread));
    }

    /** True if {@code reply} comes after {@code latest}: by timeline order when both are loaded, else by time. */
    private static boolean isAfter(EventIndex index, RoomEvent reply, RoomEvent latest) {
        if (reply.eventId().equals(latest.eventId())) {
            return false;
        }
        OptionalLong a = index.orderOf(reply.eventId());
        OptionalLong b = index.orderOf(latest.eventId());
        if (a.isPresent() && b.isPresent()) {
            return a.getAsLong() > b.getAsLong();
        }
        int byTime = Long.compare(reply.originServerTs(), latest.originServerTs());
        return byTime != 0 ? byTime > 0 : reply.eventId().value().compareTo(latest.eventId().value()) > 0;
    }
}
