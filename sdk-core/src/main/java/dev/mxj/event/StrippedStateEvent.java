package dev.mxj.event;

import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

/** Stripped state, as invites and knocks carry it: type, state key, sender and content only. */
public record StrippedStateEvent(String type, String stateKey, UserId sender, EventContent content, RawJson raw) {
}
