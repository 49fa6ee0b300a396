package dev.mxj.store;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.UserId;
import dev.mxj.room.Receipt;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;

import java.util.List;
import java.util.Optional;

/**
 * What one sync response changed in one room.
 *
 * @param info          the room's new {@link RoomInfo} (membership included), replacing the stored one
 * @param state         state events to upsert into the current state, in order (later wins)
 * @param strippedState for invited and knocked rooms: the stripped state, replacing the stored one
 * @param timeline      new timeline events, oldest first; malformed ones are kept as {@code MalformedEvent}
 * @param limited       true if the server left out events before {@code timeline}: a gap to fill
 * @param prevBatch     the token to paginate back from the start of {@code timeline}
 * @param members       members whose {@code m.room.member} state changed, latest state each
 * @param accountData   per-room account data events (each replaces the stored one of its type)
 * @param typing        who is typing now, when an {@code m.typing} event arrived
 * @param receipts      new read receipts (each replaces the stored one of its user, type and thread)
 */
public record RoomChanges(RoomInfo info, List<RoomEvent> state, List<StrippedStateEvent> strippedState,
                          List<SyncEvent> timeline, boolean limited, Optional<String> prevBatch,
                          List<RoomMember> members, List<BasicEvent> accountData, Optional<List<UserId>> typing,
                          List<Receipt> receipts) {
    public RoomChanges {
        state = List.copyOf(state);
        strippedState = List.copyOf(strippedState);
        timeline = List.copyOf(timeline);
        members = List.copyOf(members);
        accountData = List.copyOf(accountData);
        typing = typing.map(List::copyOf);
        receipts = List.copyOf(receipts);
    }
}
