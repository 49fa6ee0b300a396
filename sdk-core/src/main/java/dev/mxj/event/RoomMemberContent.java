package dev.mxj.event;

import dev.mxj.id.MxcUri;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Membership;

import java.util.Optional;

/**
 * {@code m.room.member}: a user's membership of a room; the user is the event's state key.
 *
 * @param membership                   {@code membership}
 * @param displayName                  {@code displayname}; absent and null are both empty
 * @param avatarUrl                    {@code avatar_url}; absent, null, empty or not an {@code mxc://} URI
 *                                     is empty (servers send all of these)
 * @param isDirect                     {@code is_direct}, false when absent
 * @param reason                       {@code reason}, for kicks, bans and the like
 * @param joinAuthorisedViaUsersServer {@code join_authorised_via_users_server}, on restricted joins
 * @param thirdPartyInvite             {@code third_party_invite}, kept raw
 */
public record RoomMemberContent(Membership membership, Optional<String> displayName, Optional<MxcUri> avatarUrl,
                                boolean isDirect, Optional<String> reason,
                                Optional<UserId> joinAuthorisedViaUsersServer,
                                Optional<RawJson> thirdPartyInvite) implements KnownContent {
    public static final String TYPE = "m.room.member";

    /** Content with only a membership. */
    public static RoomMemberContent of(Membership membership) {
        return new RoomMemberContent(membership, Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
