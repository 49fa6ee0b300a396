package dev.mxj.crypto.machine;

import java.util.List;

/**
 * What {@link OlmMachine#receiveSyncChanges} did with one sync's crypto data.
 *
 * @param toDevice         each to-device event, decrypted or refused, in order
 * @param roomKeysReceived Megolm sessions we received a key for: retry their undecryptable events
 * @param roomKeysWithheld Megolm sessions whose key was withheld: their events stay undecryptable
 */
public record SyncResult(List<ToDeviceResult> toDevice, List<RoomKeyInfo> roomKeysReceived,
                         List<RoomKeyInfo> roomKeysWithheld) {
    public SyncResult {
        toDevice = List.copyOf(toDevice);
        roomKeysReceived = List.copyOf(roomKeysReceived);
        roomKeysWithheld = List.copyOf(roomKeysWithheld);
    }
}
