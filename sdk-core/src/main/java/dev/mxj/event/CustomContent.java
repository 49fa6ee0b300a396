package dev.mxj.event;

import dev.mxj.json.RawJson;

import java.util.Optional;

/** Content of an application-registered type: the value its parser built, and the raw content. */
public record CustomContent(String type, Object value, RawJson content) implements EventContent {
    /** The parsed value, if it is a {@code T}. */
    public <T> Optional<T> as(Class<T> valueType) {
        return valueType.isInstance(value) ? Optional.of(valueType.cast(value)) : Optional.empty();
    }
}
