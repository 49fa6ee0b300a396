package dev.mxj.event;

/**
 * An event's content: a typed record where mxj knows the type ({@link KnownContent}), a value of
 * an application-registered type ({@link CustomContent}), {@link UnknownContent} for any other
 * type, or {@link FailedToParse} when the content does not match its type's schema. The raw JSON
 * is always kept by the envelope, so nothing the server sent is lost.
 */
public sealed interface EventContent permits KnownContent, CustomContent, UnknownContent, FailedToParse {
    /** The event type, e.g. {@code m.room.message}. */
    String type();
}
