package dev.mxj.internal.event;

import dev.mxj.event.FormattedBody;
import dev.mxj.event.MediaInfo;
import dev.mxj.event.MessageType;
import dev.mxj.event.ReactionContent;
import dev.mxj.event.Relation;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.event.RoomRedactionContent;
import dev.mxj.event.StickerContent;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.json.RawJson;

import java.util.Map;
import java.util.Optional;

/** Parsers of message-like events: messages, stickers, reactions, redactions, encrypted events. */
final class MessageParsers {
    private MessageParsers() {
    }

    static RoomMessageContent message(RawJson c) {
        String msgtype = Fields.requireString(c, "msgtype");
        String body = Fields.requireString(c, "body");
        return new RoomMessageContent(messageType(msgtype, body, c), relation(c), c.object("m.new_content"));
    }

    private static MessageType messageType(String msgtype, String body, RawJson c) {
        return switch (msgtype) {
            case MessageType.TEXT -> new MessageType.Text(body, formatted(c));
            case MessageType.NOTICE -> new MessageType.Notice(body, formatted(c));
            case MessageType.EMOTE -> new MessageType.Emote(body, formatted(c));
            case MessageType.IMAGE, MessageType.FILE, MessageType.AUDIO, MessageType.VIDEO -> new MessageType.Media(
                    msgtype, body, formatted(c), c.string("filename"), Fields.lenient(c, "url", MxcUri::of),
                    c.object("file"), mediaInfo(c));
            case MessageType.LOCATION -> new MessageType.Location(body, Fields.requireString(c, "geo_uri"),
                    mediaInfo(c));
            default -> new MessageType.Other(msgtype, body, c);
        };
    }

    /** {@code format} and {@code formatted_body}, when both are strings. */
    private static Optional<FormattedBody> formatted(RawJson c) {
        return c.string("format").flatMap(f -> c.string("formatted_body").map(b -> new FormattedBody(f, b)));
    }

    static RoomRedactionContent redaction(RawJson c) {
        Optional<EventId> redacts = Fields.optionalString(c, "redacts")
                .map(s -> Fields.requireValid(s, EventId::of, "redacts"));
        return new RoomRedactionContent(redacts, Fields.optionalString(c, "reason"));
    }

    static ReactionContent reaction(RawJson c) {
        RawJson rel = Fields.requireObject(c, "m.relates_to");
        String relType = Fields.requireString(rel, "rel_type", "m.relates_to.rel_type");
        if (!Relation.ANNOTATION.equals(relType)) {
            throw new IllegalArgumentException("\"m.relates_to.rel_type\" is not m.annotation: \"" + relType + "\"");
        }
        EventId target = Fields.requireValid(Fields.requireString(rel, "event_id", "m.relates_to.event_id"), EventId::of,
                "m.relates_to.event_id");
        return new ReactionContent(target, Fields.requireString(rel, "key", "m.relates_to.key"));
    }

    static RoomEncryptedContent encrypted(RawJson c) {
        String algorithm = Fields.requireString(c, "algorithm");
        Object value = Fields.treeValue(c, "ciphertext")
                .orElseThrow(() -> new IllegalArgumentException("\"ciphertext\" is missing"));
        if (!(value instanceof String) && !(value instanceof Map)) {
            throw new IllegalArgumentException("\"ciphertext\" is neither a string nor an object");
        }
        RawJson ciphertext = RawJson.ofTree(value);
        return new RoomEncryptedContent(algorithm, ciphertext, Fields.optionalString(c, "sender_key"),
                Fields.optionalString(c, "session_id"), Fields.optionalString(c, "device_id"), relation(c));
    }

    static StickerContent sticker(RawJson c) {
        MxcUri url = Fields.requireValid(Fields.requireString(c, "url"), MxcUri::of, "url");
        return new StickerContent(Fields.requireString(c, "body"), mediaInfo(c), url);
    }

    /** {@code m.relates_to}, if it is an object; its fields of the wrong type are absent. */
    static Optional<Relation> relation(RawJson c) {
        return c.object("m.relates_to").map(r -> new Relation(r.string("rel_type"),
                Fields.lenient(r, "event_id", EventId::of), r.string("key"),
                r.object("m.in_reply_to").flatMap(reply -> Fields.lenient(reply, "event_id", EventId::of)),
                r.bool("is_falling_back").orElse(false), r));
    }

    /** The {@code info} object of {@code c}, read leniently; {@link MediaInfo#EMPTY} when absent. */
    static MediaInfo mediaInfo(RawJson c) {
        return c.object("info").map(MessageParsers::info).orElse(MediaInfo.EMPTY);
    }

    private static MediaInfo info(RawJson i) {
        return new MediaInfo(i.string("mimetype"), i.longValue("size"), i.longValue("w"), i.longValue("h"),
                i.longValue("duration"), Fields.lenient(i, "thumbnail_url", MxcUri::of), i.object("thumbnail_file"),
                i.object("thumbnail_info").map(MessageParsers::info));
    }
}
