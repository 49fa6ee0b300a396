package dev.mxj.internal.sync;

import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.StateStore;

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
}
