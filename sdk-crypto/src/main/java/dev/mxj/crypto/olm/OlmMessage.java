package dev.mxj.crypto.olm;

import java.util.Objects;

/**
 * An Olm message as {@code m.olm.v1.curve25519-aes-sha2} carries it: a type and an unpadded base64
 * body.
 *
 * @param type       {@link #TYPE_PRE_KEY} (0) for a message that can start a session,
 *                   {@link #TYPE_MESSAGE} (1) for a message in an established session
 * @param ciphertext the message body, unpadded base64
 */
public record OlmMessage(int type, String ciphertext) {
    /** Type 0: a pre-key message, which carries what the recipient needs to start the session. */
    public static final int TYPE_PRE_KEY = 0;
    /** Type 1: a normal message. */
    public static final int TYPE_MESSAGE = 1;

    /**
     * @throws IllegalArgumentException if {@code type} is neither 0 nor 1 (the spec defines no
     *                                  other); check the event's {@code type} before building one
     */
    public OlmMessage {
        if (type != TYPE_PRE_KEY && type != TYPE_MESSAGE) {
            throw new IllegalArgumentException("Olm message type must be 0 or 1, not " + type);
        }
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /** True for a pre-key message (type 0). */
    public boolean isPreKey() {
        return type == TYPE_PRE_KEY;
    }
}
