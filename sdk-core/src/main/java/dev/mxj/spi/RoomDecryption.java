package dev.mxj.spi;

import dev.mxj.event.SenderDevice;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.json.RawJson;

import java.util.Objects;

/**
 * What {@link EncryptionModule#decrypt} answers: the plaintext, or why there is none. The client
 * turns a {@link Success} into a {@link dev.mxj.event.Decrypted} event (envelope of the encrypted
 * event, type and content of the plaintext) after checking that the plaintext is an event of this room.
 */
public sealed interface RoomDecryption {
    /**
     * The event decrypted.
     *
     * @param plaintext the decrypted payload, as the spec defines it: {@code {"type", "content", "room_id"}}
     * @param sender    the device that sent it and its trust
     */
    record Success(RawJson plaintext, SenderDevice sender) implements RoomDecryption {
        public Success {
            Objects.requireNonNull(plaintext, "plaintext");
            Objects.requireNonNull(sender, "sender");
        }

        /** No plaintext in the text form. */
        @Override
        public String toString() {
            return "Success[" + sender + "]";
        }
    }

    /**
     * The event could not be decrypted.
     *
     * @param error why; the client retries events whose reason {@link UnableToDecrypt.Reason#mayResolveLater()}
     *              when {@link EncryptionContext#roomKeysReceived} announces their session
     */
    record Failure(UnableToDecrypt error) implements RoomDecryption {
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A failure of {@code reason} with {@code message}. */
    static RoomDecryption failure(UnableToDecrypt.Reason reason, String message) {
        return new Failure(new UnableToDecrypt(reason, message));
    }
}
