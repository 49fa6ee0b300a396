package dev.mxj.crypto.machine;

import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.id.UserId;

import java.util.Map;
import java.util.Optional;

/**
 * A to-device event that Olm-decrypted and passed the plaintext checks.
 *
 * @param sender     the event's sender (equal to the plaintext's {@code sender})
 * @param senderKey  the Curve25519 key the Olm session is with
 * @param claimedEd  the Ed25519 key from the plaintext's {@code keys}
 * @param device     the sender's device owning {@code senderKey}, if known
 * @param type       the clear event type
 * @param content    the clear content
 */
record OlmDecrypted(UserId sender, String senderKey, String claimedEd, Optional<StoredDevice> device, String type,
                    Map<String, Object> content) {
}
