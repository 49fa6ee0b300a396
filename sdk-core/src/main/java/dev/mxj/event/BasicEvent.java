package dev.mxj.event;

import dev.mxj.json.RawJson;

/** An event with only a type and content: account data and ephemeral events (typing, receipts). */
public record BasicEvent(String type, EventContent content, RawJson raw) {
}
