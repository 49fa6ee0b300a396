package dev.mxj.spi;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

/**
 * What the client gives an {@link EncryptionModule} when it attaches: who this device is, a way to
 * make HTTP calls, and where to announce room keys.
 */
public interface EncryptionContext {
    /** The logged-in user. */
    UserId userId();

    /** This client's device: the one whose keys the module owns. */
    DeviceId deviceId();

    /** Sends the module's requests (key upload, query, claim, to-device) with the client's session. */
    CryptoTransport transport();

    /**
     * Tells the client that room keys arrived (by to-device, forwarding, backup or import), so that it
     * decrypts again the events they unlock, in open timelines and stored history. Cheap and
     * non-blocking: the client does the work on its own threads. Call it after the keys are saved
     * (a decryption right after the call must find them). Never throws.
     */
    void roomKeysReceived(RoomKeys keys);
}
