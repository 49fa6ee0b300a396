package dev.mxj.event;

/** The event was not encrypted: it is shown as the server sent it. */
public record PlainText() implements DecryptionResult {
}
