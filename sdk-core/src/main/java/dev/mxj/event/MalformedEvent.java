package dev.mxj.event;

import dev.mxj.json.RawJson;

import java.util.Optional;

/**
 * An event whose envelope is broken (no event_id, a sender that is not a user ID, not an object).
 * Kept with its raw JSON so nothing is lost; it never stops sync.
 */
public record MalformedEvent(Optional<String> eventId, Optional<String> type, String error, RawJson raw)
        implements SyncEvent {
}
