package dev.mxj.crypto.machine;

import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

/** A (user, device) pair as a map key. */
record DeviceKey(UserId userId, DeviceId deviceId) {
    static DeviceKey of(StoredDevice device) {
        return new DeviceKey(device.userId(), device.deviceId());
    }
}
