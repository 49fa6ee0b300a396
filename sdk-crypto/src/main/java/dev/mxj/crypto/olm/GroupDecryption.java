package dev.mxj.crypto.olm;

import java.util.Objects;

/**
 * A decrypted Megolm message. Keep {@code messageIndex} per (session, index) to detect replays:
 * the spec requires rejecting a second, different event with an index already seen.
 *
 * @param plaintext    the plaintext; the caller owns this array and may wipe it
 * @param messageIndex the message's ratchet index (0 to 2<sup>32</sup>-1)
 */
public record GroupDecryption(byte[] plaintext, long messageIndex) {
    public GroupDecryption {
        Objects.requireNonNull(plaintext, "plaintext");
    }
}
