package dev.mxj.timeline;

import java.util.Objects;
import java.util.Optional;

/**
 * A thread root's summary as a timeline knows it: the server's bundled aggregation
 * ({@code unsigned.m.relations.m.thread}) when it sent one, plus the replies the timeline has seen
 * since; or, from servers that bundle nothing (Dendrite), the replies the timeline has loaded. A
 * root shown in a timeline with no gap above it has all of its stored replies loaded.
 *
 * <p><b>Unread rule</b> (computed locally; servers that send {@code unread_thread_notifications}
 * have their push-rule counts in {@link dev.mxj.room.RoomInfo#threadUnread()}): a reply is unread
 * when it is not redacted, was sent by another user, and comes after the own user's read-up-to
 * point in this thread. That point is the latest of: the own {@code m.read} or
 * {@code m.read.private} receipt with this thread's {@code thread_id}, the own unthreaded receipt,
 * and the own user's latest reply in the thread (sending is an implicit receipt). A receipt on an
 * event the timeline has not loaded is older than everything loaded, so it marks nothing read.
 *
 * @param replies      how many replies the thread has
 * @param latestReply  the newest reply, with its edits, reactions and redaction applied; empty when
 *                     only a bundled summary without {@code latest_event} is known
 * @param participated whether the own user sent the root or a reply (or the server says so)
 * @param unread       replies the own user has not read, by the rule above
 */
public record ThreadInfo(long replies, Optional<TimelineItem.Event> latestReply, boolean participated, int unread) {
    public ThreadInfo {
        Objects.requireNonNull(latestReply, "latestReply");
    }
}
