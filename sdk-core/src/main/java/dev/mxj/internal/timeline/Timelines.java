package dev.mxj.internal.timeline;

import dev.mxj.event.EventRegistry;
import dev.mxj.id.RoomId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.send.SendQueue;
import dev.mxj.store.StateStore;
import dev.mxj.sync.SyncService;
import dev.mxj.timeline.Timeline;

/** Opens {@link Timeline}s for the rooms of one client. */
public final class Timelines {
    private final TimelineContext context;

    public Timelines(ClientContext context, StateStore store, SyncService sync, SendQueue sends) {
        EventRegistry registry = EventRegistry.defaults();
        this.context = new TimelineContext(context, store, sync, sends, registry, new RoomHistory(context, registry));
    }

    /** A new timeline of {@code roomId}, following sync until it is closed. */
    public Timeline open(RoomId roomId) {
        return new StoreTimeline(roomId, context);
    }
}
