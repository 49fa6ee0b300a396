package dev.mxj.internal.timeline;

import dev.mxj.event.EventRegistry;
import dev.mxj.id.RoomId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.crypto.E2ee;
import dev.mxj.internal.send.SendQueue;
import dev.mxj.store.StateStore;
import dev.mxj.sync.SyncService;
import dev.mxj.timeline.Timeline;

import java.util.Optional;

/** Opens {@link Timeline}s for the rooms of one client. */
public final class Timelines {
    private final TimelineContext context;

    public Timelines(ClientContext context, StateStore store, SyncService sync, SendQueue sends) {
        this(context, store, sync, sends, new E2ee(context, store, Optional.empty(), EventRegistry.defaults()));
    }

    /** With {@code e2ee}: timelines decrypt encrypted events, and again when their keys arrive. */
    public Timelines(ClientContext context, StateStore store, SyncService sync, SendQueue sends, E2ee e2ee) {
        EventRegistry registry = EventRegistry.defaults();
        this.context = new TimelineContext(context, store, sync, sends, registry, new RoomHistory(context, registry),
                e2ee);
    }

    /** A new timeline of {@code roomId}, following sync until it is closed. */
    public Timeline open(RoomId roomId) {
        return new StoreTimeline(roomId, context);
    }
}
