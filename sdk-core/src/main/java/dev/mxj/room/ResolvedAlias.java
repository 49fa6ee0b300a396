package dev.mxj.room;

import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;

import java.util.List;

/**
 * What {@code GET /directory/room/{roomAlias}} answers.
 *
 * @param roomId  the room the alias points to
 * @param servers servers that know the room: pass them as {@code via} when joining
 */
public record ResolvedAlias(RoomId roomId, List<ServerName> servers) {
    public ResolvedAlias {
        servers = List.copyOf(servers);
    }
}
