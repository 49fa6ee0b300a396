package dev.mxj.internal.event;

import dev.mxj.event.DirectContent;
import dev.mxj.event.FullyReadContent;
import dev.mxj.event.IgnoredUserListContent;
import dev.mxj.event.KnownContent;
import dev.mxj.event.PresenceContent;
import dev.mxj.event.PushRulesContent;
import dev.mxj.event.ReactionContent;
import dev.mxj.event.ReceiptContent;
import dev.mxj.event.RoomAvatarContent;
import dev.mxj.event.RoomCanonicalAliasContent;
import dev.mxj.event.RoomCreateContent;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.event.RoomGuestAccessContent;
import dev.mxj.event.RoomHistoryVisibilityContent;
import dev.mxj.event.RoomJoinRulesContent;
import dev.mxj.event.RoomMemberContent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.event.RoomNameContent;
import dev.mxj.event.RoomPinnedEventsContent;
import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.event.RoomRedactionContent;
import dev.mxj.event.RoomServerAclContent;
import dev.mxj.event.RoomTombstoneContent;
import dev.mxj.event.RoomTopicContent;
import dev.mxj.event.SpaceChildContent;
import dev.mxj.event.SpaceParentContent;
import dev.mxj.event.StickerContent;
import dev.mxj.event.TagContent;
import dev.mxj.event.TypingContent;
import dev.mxj.json.RawJson;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * Parsers of the spec's event types mxj models. A parser throws {@link IllegalArgumentException}
 * (with a message saying which field is wrong) for content that breaks its schema.
 */
public final class KnownContents {
    private static final Map<String, Function<RawJson, KnownContent>> PARSERS = Map.ofEntries(
            entry(RoomCreateContent.TYPE, StateParsers::create),
            entry(RoomMemberContent.TYPE, StateParsers::member),
            entry(RoomNameContent.TYPE, StateParsers::name),
            entry(RoomTopicContent.TYPE, StateParsers::topic),
            entry(RoomAvatarContent.TYPE, StateParsers::avatar),
            entry(RoomCanonicalAliasContent.TYPE, StateParsers::canonicalAlias),
            entry(RoomJoinRulesContent.TYPE, StateParsers::joinRules),
            entry(RoomHistoryVisibilityContent.TYPE, StateParsers::historyVisibility),
            entry(RoomGuestAccessContent.TYPE, StateParsers::guestAccess),
            entry(RoomEncryptionContent.TYPE, StateParsers::encryption),
            entry(RoomPowerLevelsContent.TYPE, PowerLevelsParser::parse),
            entry(RoomTombstoneContent.TYPE, OtherStateParsers::tombstone),
            entry(RoomServerAclContent.TYPE, OtherStateParsers::serverAcl),
            entry(RoomPinnedEventsContent.TYPE, OtherStateParsers::pinnedEvents),
            entry(SpaceChildContent.TYPE, OtherStateParsers::spaceChild),
            entry(SpaceParentContent.TYPE, OtherStateParsers::spaceParent),
            entry(RoomMessageContent.TYPE, MessageParsers::message),
            entry(RoomRedactionContent.TYPE, MessageParsers::redaction),
            entry(ReactionContent.TYPE, MessageParsers::reaction),
            entry(RoomEncryptedContent.TYPE, MessageParsers::encrypted),
            entry(StickerContent.TYPE, MessageParsers::sticker),
            entry(TypingContent.TYPE, AccountDataParsers::typing),
            entry(ReceiptContent.TYPE, AccountDataParsers::receipts),
            entry(PresenceContent.TYPE, AccountDataParsers::presence),
            entry(DirectContent.TYPE, AccountDataParsers::direct),
            entry(FullyReadContent.TYPE, AccountDataParsers::fullyRead),
            entry(TagContent.TYPE, AccountDataParsers::tags),
            entry(IgnoredUserListContent.TYPE, AccountDataParsers::ignoredUsers),
            entry(PushRulesContent.TYPE, AccountDataParsers::pushRules));

    private KnownContents() {
    }

    /** Parses {@code content} if mxj models {@code type}; throws IllegalArgumentException if it breaks the schema. */
    public static Optional<KnownContent> parse(String type, RawJson content) {
        Function<RawJson, KnownContent> parser = PARSERS.get(type);
        return parser == null ? Optional.empty() : Optional.of(parser.apply(content));
    }

    /** The event types mxj models. */
    public static Set<String> types() {
        return PARSERS.keySet();
    }
}
