package dev.mxj.internal.sync;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.room.UnreadCounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code /sync} response as read from the wire: envelopes checked, each event parsed once and
 * kept with its raw JSON, nothing interpreted yet. Filled by {@link SyncResponseParser}, read by
 * {@link SyncProcessor}. Mutable while parsing, then only read; not shared between threads
 * before it is complete.
 */
public final class SyncResponse {
    String nextBatch;
    final List<RoomData> join = new ArrayList<>();
    final List<RoomData> leave = new ArrayList<>();
    final List<StrippedRoomData> invite = new ArrayList<>();
    final List<StrippedRoomData> knock = new ArrayList<>();
    final List<RawJson> presence = new ArrayList<>();
    final List<BasicEvent> accountData = new ArrayList<>();
    final List<ToDeviceEvent> toDevice = new ArrayList<>();
    final List<String> devicesChanged = new ArrayList<>();
    final List<String> devicesLeft = new ArrayList<>();
    final Map<String, Long> oneTimeKeysCounts = new LinkedHashMap<>();
    /** Null when the server left the field out. */
    List<String> unusedFallbackKeyTypes;

    SyncResponse() {
    }

    public String nextBatch() {
        return nextBatch;
    }

    /** Rooms in all four sections. */
    public int roomCount() {
        return join.size() + leave.size() + invite.size() + knock.size();
    }

    /** A joined or left room: what {@code rooms.join} and {@code rooms.leave} carry. */
    static final class RoomData {
        final RoomId roomId;
        List<SyncEvent> state = List.of();
        /** {@code state_after}; null when absent (then state and timeline make the state). */
        List<SyncEvent> stateAfter;
        List<SyncEvent> timeline = List.of();
        boolean limited;
        String prevBatch;
        List<BasicEvent> ephemeral = List.of();
        List<BasicEvent> accountData = List.of();
        /** {@code m.heroes}; null when absent (unchanged). */
        List<String> heroes;
        /** -1 when absent (unchanged). */
        long joinedCount = -1;
        long invitedCount = -1;
        /** Null when absent. */
        UnreadCounts unread;
        /** Null when absent. */
        Map<EventId, UnreadCounts> threadUnread;

        RoomData(RoomId roomId) {
            this.roomId = roomId;
        }
    }

    /** An invited or knocked room: stripped state only. */
    static final class StrippedRoomData {
        final RoomId roomId;
        List<StrippedStateEvent> state = List.of();

        StrippedRoomData(RoomId roomId) {
            this.roomId = roomId;
        }
    }
}
