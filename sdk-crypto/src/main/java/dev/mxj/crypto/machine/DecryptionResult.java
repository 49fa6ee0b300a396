package dev.mxj.crypto.machine;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;

/** What decrypting an {@code m.room.encrypted} room event gave: never an exception. */
public sealed interface DecryptionResult {

    /**
     * The event decrypted.
     *
     * @param type         the clear event's type
     * @param content      the clear event's content
     * @param sender       the event's sender
     * @param senderDevice the sender's device, when known
     * @param senderKey    the Curve25519 key of the device that created the session
     * @param trust        how far the sender is trusted
     * @param forwarded    true if our key for it was forwarded or imported
     * @param sessionId    the Megolm session id
     * @param messageIndex the Megolm message index
     */
    record Decrypted(String type, RawJson content, UserId sender, Optional<DeviceId> senderDevice, String senderKey,
                     SenderTrust trust, boolean forwarded, String sessionId, long messageIndex)
            implements DecryptionResult {
        public Decrypted {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(senderDevice, "senderDevice");
            Objects.requireNonNull(senderKey, "senderKey");
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(sessionId, "sessionId");
        }

        @Override
        public String toString() {
            return "Decrypted[" + type + " from " + sender + ", " + trust + "]";
        }
    }

    /**
     * The event could not be decrypted.
     *
     * @param reason       why
     * @param sessionId    the Megolm session id, if the event named one
     * @param withheldCode the {@code m.room_key.withheld} code, for {@link UtdReason#WITHHELD}
     * @param message      what happened, for logs and developers (no key material)
     */
    record UnableToDecrypt(UtdReason reason, Optional<String> sessionId, Optional<String> withheldCode, String message)
            implements DecryptionResult {
        public UnableToDecrypt {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(withheldCode, "withheldCode");
            Objects.requireNonNull(message, "message");
        }
    }
}
