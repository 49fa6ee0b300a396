package dev.mxj.event;

/**
 * What became of an event's encryption: {@link Decrypted} (it was encrypted and mxj read it),
 * {@link UnableToDecrypt} (it was encrypted and could not be read, yet) or {@link PlainText} (it was
 * never encrypted). Timeline items carry one ({@code TimelineItem.Event#decryption()}).
 */
public sealed interface DecryptionResult permits Decrypted, UnableToDecrypt, PlainText {
}
