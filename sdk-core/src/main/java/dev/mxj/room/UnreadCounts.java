package dev.mxj.room;

/** Unread notification and highlight counts, as the server computed them. */
public record UnreadCounts(long notifications, long highlights) {
    public static final UnreadCounts NONE = new UnreadCounts(0, 0);
}
