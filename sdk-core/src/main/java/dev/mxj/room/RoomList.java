package dev.mxj.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The rooms of a room list, split by the user's membership and each part sorted by
 * {@link #BY_RECENCY}. A pure function of the rooms given; recompute it when they change.
 *
 * @param rooms   joined rooms
 * @param invites rooms the user is invited to
 * @param knocks  rooms the user knocked on
 * @param left    rooms the user left or was banned from (when sync includes them)
 */
public record RoomList(List<RoomInfo> rooms, List<RoomInfo> invites, List<RoomInfo> knocks, List<RoomInfo> left) {
    /** Most recent activity first ({@link RoomInfo#latestActivityTs()} descending), then by room ID. */
    public static final Comparator<RoomInfo> BY_RECENCY = Comparator.comparingLong(RoomInfo::latestActivityTs)
            .reversed().thenComparing(r -> r.roomId().value());

    public RoomList {
        rooms = List.copyOf(rooms);
        invites = List.copyOf(invites);
        knocks = List.copyOf(knocks);
        left = List.copyOf(left);
    }

    /** Splits and sorts {@code all}. */
    public static RoomList of(Collection<RoomInfo> all) {
        List<RoomInfo> joined = new ArrayList<>();
        List<RoomInfo> invited = new ArrayList<>();
        List<RoomInfo> knocked = new ArrayList<>();
        List<RoomInfo> gone = new ArrayList<>();
        for (RoomInfo room : all) {
            switch (room.membership()) {
                case JOIN -> joined.add(room);
                case INVITE -> invited.add(room);
                case KNOCK -> knocked.add(room);
                case LEAVE, BAN -> gone.add(room);
            }
        }
        joined.sort(BY_RECENCY);
        invited.sort(BY_RECENCY);
        knocked.sort(BY_RECENCY);
        gone.sort(BY_RECENCY);
        return new RoomList(joined, invited, knocked, gone);
    }
}
