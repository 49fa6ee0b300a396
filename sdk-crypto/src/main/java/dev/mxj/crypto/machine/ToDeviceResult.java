package dev.mxj.crypto.machine;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;

/** What became of one to-device event the machine received. */
public sealed interface ToDeviceResult {
    /** The event's type as it arrived ({@code m.room.encrypted} for an Olm-encrypted one). */
    String type();

    /** The event's sender. */
    UserId sender();

    /**
     * A to-device event for the app: decrypted (Olm), or sent in the clear.
     *
     * @param type         the clear event's type
     * @param sender       the sender
     * @param senderDevice the sender's device, when known
     * @param content      the clear content
     * @param encrypted    true if it came Olm-encrypted
     */
    record Received(String type, UserId sender, Optional<DeviceId> senderDevice, RawJson content, boolean encrypted)
            implements ToDeviceResult {
        public Received {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(senderDevice, "senderDevice");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String toString() {
            return "Received[" + type + " from " + sender + (encrypted ? ", encrypted" : "") + "]";
        }
    }

    /**
     * A to-device event that was refused or did not decrypt.
     *
     * @param type    the event's type
     * @param sender  the sender
     * @param reason  why
     * @param message what happened (no key material)
     */
    record Failed(String type, UserId sender, UtdReason reason, String message) implements ToDeviceResult {
        public Failed {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
