package dev.mxj.event;

import dev.mxj.json.RawJson;

/**
 * Content that does not match its type's schema (a wrong field type, a missing required field).
 * The event is kept with its raw JSON; sync goes on.
 *
 * @param type    the event type
 * @param error   what did not match, for logs and debugging
 * @param content the content as it came
 */
public record FailedToParse(String type, String error, RawJson content) implements EventContent {
}
