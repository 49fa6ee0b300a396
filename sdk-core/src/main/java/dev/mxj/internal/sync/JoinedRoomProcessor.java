package dev.mxj.internal.sync;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.sync.SyncResponse.RoomData;
import dev.mxj.room.Hero;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.RoomChanges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one joined or left room of a response into {@link RoomChanges}: the state to upsert
 * ({@code state}, then the timeline's state events; or {@code state_after} alone when the server
 * sent it), members, the new {@link RoomInfo}, ephemeral data and account data.
 */
final class JoinedRoomProcessor {
    private final UserId self;
    private final RoomReadView view;

    JoinedRoomProcessor(UserId self, RoomReadView view) {
        this.self = self;
        this.view = view;
    }

    RoomChanges process(RoomData data, boolean joined, Optional<RoomInfo> previous) {
        RoomInfo base = previous.orElseGet(() -> RoomInfo.empty(data.roomId, joined ? Membership.JOIN : Membership.LEAVE));
        RoomInfo.Builder info = base.toBuilder();
        List<RoomEvent> state = new ArrayList<>(data.state.size() + 4);
        if (data.stateAfter != null) {
            addState(data.stateAfter, state);
        } else {
            addState(data.state, state);
            addState(data.timeline, state);
        }
        Map<UserId, RoomMember> members = new LinkedHashMap<>();
        for (RoomEvent event : state) {
            Map<?, ?> content = Trees.content(event.raw());
            String stateKey = event.stateKey().get();
            RoomStateReducer.apply(info, event.type(), stateKey, content);
            if (RoomStateReducer.MEMBER.equals(event.type())) {
                RoomMember member = RoomStateReducer.member(stateKey, content);
                if (member != null) {
                    members.put(member.userId(), member);
                }
            }
        }
        info.membership(ownMembership(joined, base, members.get(self)));
        counts(data, previous.isEmpty(), members, info);
        info.heroes(heroes(data, base, members));
        if (data.unread != null) {
            info.unread(data.unread);
            info.threadUnread(data.threadUnread != null ? data.threadUnread : Map.of());
        } else if (data.threadUnread != null) {
            info.threadUnread(data.threadUnread);
        }
        latestEvent(data.timeline, base, info);
        Ephemeral ephemeral = Ephemeral.of(data.ephemeral);
        return new RoomChanges(info.build(), state, List.of(), data.timeline, data.limited,
                Optional.ofNullable(data.prevBatch), new ArrayList<>(members.values()), data.accountData,
                ephemeral.typing, ephemeral.receipts);
    }

    /** Well-formed state events (with a state key) of {@code events}, in order. */
    private static void addState(List<SyncEvent> events, List<RoomEvent> into) {
        for (SyncEvent event : events) {
            if (event instanceof RoomEvent room && room.stateKey().isPresent()) {
                into.add(room);
            }
        }
    }

    private static Membership ownMembership(boolean joined, RoomInfo base, RoomMember own) {
        if (joined) {
            return Membership.JOIN;
        }
        if (own != null) {
            return own.membership() == Membership.BAN ? Membership.BAN : Membership.LEAVE;
        }
        return base.membership() == Membership.BAN ? Membership.BAN : Membership.LEAVE;
    }

    /** The summary's counts; for a room seen for the first time without them, counted from members. */
    private static void counts(RoomData data, boolean isNew, Map<UserId, RoomMember> members, RoomInfo.Builder info) {
        if (data.joinedCount >= 0) {
            info.joinedMemberCount(data.joinedCount);
        }
        if (data.invitedCount >= 0) {
            info.invitedMemberCount(data.invitedCount);
        }
        if (isNew && (data.joinedCount < 0 || data.invitedCount < 0)) {
            long joined = 0;
            long invited = 0;
            for (RoomMember m : members.values()) {
                if (m.membership() == Membership.JOIN) {
                    joined++;
                } else if (m.membership() == Membership.INVITE) {
                    invited++;
                }
            }
            if (data.joinedCount < 0) {
                info.joinedMemberCount(joined);
            }
            if (data.invitedCount < 0) {
                info.invitedMemberCount(invited);
            }
        }
    }

    /** {@code m.heroes} when sent (never the user), else the previous heroes; with their latest known profiles. */
    private List<Hero> heroes(RoomData data, RoomInfo base, Map<UserId, RoomMember> members) {
        if (data.heroes == null) {
            if (base.heroes().isEmpty() || members.isEmpty()) {
                return base.heroes();
            }
            List<Hero> refreshed = new ArrayList<>(base.heroes().size());
            for (Hero hero : base.heroes()) {
                RoomMember m = members.get(hero.userId());
                refreshed.add(m == null ? hero : new Hero(hero.userId(), m.displayName(), m.avatarUrl()));
            }
            return refreshed;
        }
        List<Hero> out = new ArrayList<>(data.heroes.size());
        for (String id : data.heroes) {
            UserId user = Trees.userId(id);
            if (user != null && !user.equals(self)) {
                out.add(hero(data.roomId, user, members, base.heroes()));
            }
        }
        return out;
    }

    private Hero hero(RoomId roomId, UserId user, Map<UserId, RoomMember> members, List<Hero> previous) {
        RoomMember m = members.get(user);
        if (m == null) {
            for (Hero old : previous) {
                if (old.userId().equals(user)) {
                    return old;
                }
            }
            m = view.member(roomId, user).orElse(null);
        }
        return m == null ? new Hero(user, Optional.empty(), Optional.empty())
                : new Hero(user, m.displayName(), m.avatarUrl());
    }

    /** The newest well-formed timeline event becomes the latest event. */
    private static void latestEvent(List<SyncEvent> timeline, RoomInfo base, RoomInfo.Builder info) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i) instanceof RoomEvent event) {
                info.latestEventId(Optional.of(event.eventId()));
                info.latestActivityTs(Math.max(base.latestActivityTs(), event.originServerTs()));
                return;
            }
        }
    }
}
