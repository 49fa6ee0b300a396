package dev.mxj.internal.event;

import dev.mxj.event.RoomPinnedEventsContent;
import dev.mxj.event.RoomServerAclContent;
import dev.mxj.event.RoomTombstoneContent;
import dev.mxj.event.SpaceChildContent;
import dev.mxj.event.SpaceParentContent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parsers of the room state events about upgrades, server ACLs, pins and spaces. */
final class OtherStateParsers {
    private OtherStateParsers() {
    }

    static RoomTombstoneContent tombstone(RawJson c) {
        RoomId replacement = Fields.requireValid(Fields.requireString(c, "replacement_room"), RoomId::of,
                "replacement_room");
        return new RoomTombstoneContent(Fields.optionalString(c, "body").orElse(""), replacement);
    }

    static RoomServerAclContent serverAcl(RawJson c) {
        return new RoomServerAclContent(c.bool("allow_ip_literals").orElse(true), c.strings("allow"),
                c.strings("deny"));
    }

    static RoomPinnedEventsContent pinnedEvents(RawJson c) {
        List<EventId> pinned = new ArrayList<>();
        for (RawJson entry : Fields.requireArray(c, "pinned")) {
            entry.asString().flatMap(s -> Fields.tryParse(s, EventId::of)).ifPresent(pinned::add);
        }
        return new RoomPinnedEventsContent(pinned);
    }

    static SpaceChildContent spaceChild(RawJson c) {
        Optional<String> order = c.string("order").filter(OtherStateParsers::isValidOrder);
        return new SpaceChildContent(via(c), order, c.bool("suggested").orElse(false));
    }

    static SpaceParentContent spaceParent(RawJson c) {
        return new SpaceParentContent(via(c), c.bool("canonical").orElse(false));
    }

    private static List<ServerName> via(RawJson c) {
        return Fields.lenientList(c, "via", ServerName::of);
    }

    /** 1 to 50 characters, each from 0x20 to 0x7E. */
    private static boolean isValidOrder(String order) {
        return !order.isEmpty() && order.length() <= 50 && order.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7E);
    }
}
