package dev.mxj.event;

import java.util.Objects;

/**
 * An {@code m.room.encrypted} event that was decrypted.
 *
 * @param event     the decrypted event: the envelope of the encrypted one (ID, sender, time, unsigned)
 *                  with the type and content from the plaintext; a relation ({@code m.relates_to}) that
 *                  the sender left unencrypted is kept in its content
 * @param encrypted the event as the server sent it ({@code m.room.encrypted})
 * @param sender    the device that encrypted it, as far as the encryption module knows it, and its trust
 */
public record Decrypted(RoomEvent event, RoomEvent encrypted, SenderDevice sender) implements DecryptionResult {
    public Decrypted {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(encrypted, "encrypted");
        Objects.requireNonNull(sender, "sender");
    }
}
