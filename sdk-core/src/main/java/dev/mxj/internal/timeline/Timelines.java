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
    private final ClientContext context;
    private final StateStore store;
    private final SyncService sync;
    private final RoomHistory history;
    private final SendQueue sends;

    public Timelines(ClientContext context, StateStore store, SyncService sync, SendQueue sends) {
        this.context = context;
        this.sends = sends;
        this.store = store;
        this.sync = sync;
        this.history = new RoomHistory(context, EventRegistry.defaults());
    }

    /** A new timeline of {@code roomId}, following sync until it is closed. */
    public Timeline open(RoomId roomId) {
        return new StoreTimeline(roomId, store, history, context.callbackExecutor(), sync, sends);
    }
}
