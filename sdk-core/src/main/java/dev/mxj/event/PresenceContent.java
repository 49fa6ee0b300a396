package dev.mxj.event;

import dev.mxj.id.MxcUri;

import java.util.Optional;

/**
 * {@code m.presence}: a user's presence; the user is the event's sender.
 *
 * @param presence        {@code presence}, one of the constants here (or a value from a later spec)
 * @param displayName     {@code displayname}
 * @param avatarUrl       {@code avatar_url} (empty if not an {@code mxc://} URI)
 * @param lastActiveAgo   {@code last_active_ago}, in milliseconds
 * @param currentlyActive {@code currently_active}
 * @param statusMsg       {@code status_msg}
 */
public record PresenceContent(String presence, Optional<String> displayName, Optional<MxcUri> avatarUrl,
                              Optional<Long> lastActiveAgo, Optional<Boolean> currentlyActive,
                              Optional<String> statusMsg) implements KnownContent {
    public static final String TYPE = "m.presence";
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    public static final String UNAVAILABLE = "unavailable";

    @Override
    public String type() {
        return TYPE;
    }
}
