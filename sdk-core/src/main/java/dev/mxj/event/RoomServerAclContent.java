package dev.mxj.event;

import java.util.List;

/**
 * {@code m.room.server_acl}: which servers may take part in the room. The lists hold glob patterns.
 *
 * @param allowIpLiterals {@code allow_ip_literals}; true when missing or not a boolean, as the spec says
 * @param allow           {@code allow}; empty when missing, which denies every server
 * @param deny            {@code deny}; empty when missing
 */
public record RoomServerAclContent(boolean allowIpLiterals, List<String> allow, List<String> deny)
        implements KnownContent {
    public static final String TYPE = "m.room.server_acl";

    public RoomServerAclContent {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
