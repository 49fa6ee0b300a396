package dev.mxj.event;

/** Content of an event type the spec defines and mxj models. Records named after the type. */
public sealed interface KnownContent extends EventContent permits
        RoomCreateContent, RoomMemberContent, RoomNameContent, RoomTopicContent, RoomAvatarContent,
        RoomCanonicalAliasContent, RoomJoinRulesContent, RoomHistoryVisibilityContent, RoomGuestAccessContent,
        RoomEncryptionContent, RoomPowerLevelsContent, RoomTombstoneContent, RoomServerAclContent,
        RoomPinnedEventsContent, SpaceChildContent, SpaceParentContent,
        RoomMessageContent, RoomRedactionContent, ReactionContent, RoomEncryptedContent, StickerContent,
        TypingContent, ReceiptContent, PresenceContent,
        DirectContent, FullyReadContent, TagContent, IgnoredUserListContent, PushRulesContent {
}
