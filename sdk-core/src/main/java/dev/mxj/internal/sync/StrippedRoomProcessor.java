package dev.mxj.internal.sync;

import dev.mxj.event.StrippedStateEvent;
import dev.mxj.id.UserId;
import dev.mxj.internal.sync.SyncResponse.StrippedRoomData;
import dev.mxj.room.Hero;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.RoomChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an invited or knocked room into {@link RoomChanges}: the stripped state (which replaces the
 * stored one) and a {@link RoomInfo} computed from it. The heroes are the other joined or invited
 * members the stripped state names; failing those (Dendrite sends only the user's own invite), the
 * inviter, so the room can be named.
 */
final class StrippedRoomProcessor {
    /** As many heroes as the spec asks servers for. */
    static final int MAX_HEROES = 5;

    private final UserId self;

    StrippedRoomProcessor(UserId self) {
        this.self = self;
    }

    RoomChanges process(StrippedRoomData data, Membership membership, Optional<RoomInfo> previous) {
        RoomInfo base = previous.orElseGet(() -> RoomInfo.empty(data.roomId, membership));
        RoomInfo.Builder info = base.toBuilder().membership(membership);
        List<Hero> heroes = new ArrayList<>();
        long joined = 0;
        long invited = 0;
        long ownTs = -1;
        UserId inviter = null;
        for (StrippedStateEvent event : data.state) {
            Map<?, ?> content = Trees.content(event.raw());
            RoomStateReducer.apply(info, event.type(), event.stateKey(), content);
            if (!RoomStateReducer.MEMBER.equals(event.type())) {
                continue;
            }
            RoomMember member = RoomStateReducer.member(event.stateKey(), content);
            if (member == null) {
                continue;
            }
            if (member.membership() == Membership.JOIN) {
                joined++;
            } else if (member.membership() == Membership.INVITE) {
                invited++;
            }
            if (member.userId().equals(self)) {
                // Servers may send the user's own invite or knock event in full, with its timestamp.
                Object ts = event.raw().tree() instanceof Map<?, ?> m ? m.get("origin_server_ts") : null;
                ownTs = ts instanceof Long l ? l : ownTs;
                inviter = member.membership() == Membership.INVITE && !event.sender().equals(self) ? event.sender()
                        : inviter;
            } else if ((member.membership() == Membership.JOIN || member.membership() == Membership.INVITE)
                    && heroes.size() < MAX_HEROES) {
                heroes.add(new Hero(member.userId(), member.displayName(), member.avatarUrl()));
            }
        }
        if (heroes.isEmpty() && inviter != null) {
            heroes.add(new Hero(inviter, Optional.empty(), Optional.empty()));
        }
        info.heroes(heroes.isEmpty() ? base.heroes() : heroes);
        if (joined > 0 || invited > 0) {
            info.joinedMemberCount(joined).invitedMemberCount(invited);
        }
        if (ownTs > base.latestActivityTs()) {
            info.latestActivityTs(ownTs);
        }
        return new RoomChanges(info.build(), List.of(), data.state, List.of(), false, Optional.empty(), List.of(),
                List.of(), Optional.empty(), List.of());
    }
}
