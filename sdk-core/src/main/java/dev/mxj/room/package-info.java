/**
 * Rooms as the client knows them: {@link dev.mxj.room.RoomInfo} and its members, and the spec's
 * rules that clients apply to them: room names ({@link dev.mxj.room.RoomDisplayName}), member names
 * ({@link dev.mxj.room.MemberNames}), permissions ({@link dev.mxj.room.PowerLevels}) and the order
 * of the room list ({@link dev.mxj.room.RoomList}).
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.room;

import org.jspecify.annotations.NullMarked;
