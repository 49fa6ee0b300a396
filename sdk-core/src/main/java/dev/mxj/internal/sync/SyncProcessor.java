package dev.mxj.internal.sync;

import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.sync.SyncResponse.RoomData;
import dev.mxj.internal.sync.SyncResponse.StrippedRoomData;
import dev.mxj.json.RawJson;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sans-I/O heart of sync: turns one parsed {@code /sync} response into one {@link StateChanges}
 * value. It reads the previous state through a {@link RoomReadView} and writes nothing; the loop
 * saves the result in one store transaction. Deterministic and single-threaded per call.
 *
 * <p>Rooms are processed in the order leave, join, knock, invite, so that a room in two sections
 * of one response (left, then invited again) ends in the later membership; the second sees the
 * first's {@link RoomInfo} as its previous one.
 */
public final class SyncProcessor {
    /** Told how many rooms are done, of how many; called about a hundred times at most per response. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void report(int done, int total);
    }

    private final RoomReadView view;
    private final JoinedRoomProcessor rooms;
    private final StrippedRoomProcessor stripped;

    public SyncProcessor(UserId self, RoomReadView view) {
        this.view = view;
        this.rooms = new JoinedRoomProcessor(self, view);
        this.stripped = new StrippedRoomProcessor(self);
    }

    public StateChanges process(SyncResponse response) {
        return process(response, Progress.NONE);
    }

    public StateChanges process(SyncResponse response, Progress progress) {
        int total = response.roomCount();
        int step = Math.max(1, total / 100);
        List<RoomChanges> changes = new ArrayList<>(total);
        Map<RoomId, RoomInfo> seen = new HashMap<>();
        for (RoomData room : response.leave) {
            add(changes, seen, rooms.process(room, false, previous(seen, room.roomId)), progress, step, total);
        }
        for (RoomData room : response.join) {
            add(changes, seen, rooms.process(room, true, previous(seen, room.roomId)), progress, step, total);
        }
        for (StrippedRoomData room : response.knock) {
            add(changes, seen, stripped.process(room, Membership.KNOCK, previous(seen, room.roomId)), progress,
                    step, total);
        }
        for (StrippedRoomData room : response.invite) {
            add(changes, seen, stripped.process(room, Membership.INVITE, previous(seen, room.roomId)), progress,
                    step, total);
        }
        return new StateChanges(response.nextBatch, changes, response.accountData, presence(response.presence),
                response.toDevice, userIds(response.devicesChanged), userIds(response.devicesLeft),
                response.oneTimeKeysCounts, Optional.ofNullable(response.unusedFallbackKeyTypes));
    }

    private Optional<RoomInfo> previous(Map<RoomId, RoomInfo> seen, RoomId roomId) {
        RoomInfo earlier = seen.get(roomId);
        return earlier != null ? Optional.of(earlier) : view.room(roomId);
    }

    private static void add(List<RoomChanges> changes, Map<RoomId, RoomInfo> seen, RoomChanges room,
                            Progress progress, int step, int total) {
        changes.add(room);
        seen.put(room.info().roomId(), room.info());
        int done = changes.size();
        if (done % step == 0 || done == total) {
            progress.report(done, total);
        }
    }

    /** The latest presence content of each sender; events without a valid sender are dropped. */
    private static Map<UserId, RawJson> presence(List<RawJson> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        Map<UserId, RawJson> out = new LinkedHashMap<>();
        for (RawJson event : events) {
            UserId sender = Trees.userId(event.string("sender").orElse(null));
            if (sender != null) {
                out.put(sender, event.object("content").orElse(RawJson.emptyObject()));
            }
        }
        return out;
    }

    private static Set<UserId> userIds(List<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<UserId> out = new LinkedHashSet<>();
        for (String id : ids) {
            UserId user = Trees.userId(id);
            if (user != null) {
                out.add(user);
            }
        }
        return out;
    }
}
