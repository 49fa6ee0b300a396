package dev.mxj.event;

import dev.mxj.json.RawJson;

/** Content of a type mxj does not model and the application did not register; kept whole. */
public record UnknownContent(String type, RawJson content) implements EventContent {
}
