package dev.mxj.internal.sync;

import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.StateStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the sync processor may read of the state before a response: the previous
 * {@link RoomInfo} of a room and a member's previous profile. Read-only; no writes, no HTTP.
 */
public interface RoomReadView {
    /** Nothing known: every room is new. */
    RoomReadView EMPTY = new RoomReadView() {
        @Override
        public Optional<RoomInfo> room(RoomId roomId) {
            return Optional.empty();
        }

        @Override
        public Optional<RoomMember> member(RoomId roomId, UserId userId) {
            return Optional.empty();
        }
    };

    Optional<RoomInfo> room(RoomId roomId);

    Optional<RoomMember> member(RoomId roomId, UserId userId);

    /** The read methods of a store. */
    static RoomReadView of(StateStore store) {
        return new RoomReadView() {
            @Override
            public Optional<RoomInfo> room(RoomId roomId) {
                return store.room(roomId);
            }

            @Override
            public Optional<RoomMember> member(RoomId roomId, UserId userId) {
                return store.member(roomId, userId);
            }
        };
    }

    /**
     * The read methods of a store, with every stored room read at once, now: for an account's
     * first sync, whose hundreds of rooms the store usually does not have yet, one read instead of
     * one per room. Only for a processor that runs before the store changes again.
     */
    static RoomReadView preloaded(StateStore store) {
        Map<RoomId, RoomInfo> rooms = new HashMap<>();
        for (RoomInfo info : store.rooms()) {
            rooms.put(info.roomId(), info);
        }
        return new RoomReadView() {
            @Override
            public Optional<RoomInfo> room(RoomId roomId) {
                return Optional.ofNullable(rooms.get(roomId));
            }

            @Override
            public Optional<RoomMember> member(RoomId roomId, UserId userId) {
                // A store holds no members of a room it does not hold: no need to ask it.
                return rooms.containsKey(roomId) ? store.member(roomId, userId) : Optional.empty();
            }
        };
    }
}
