package dev.mxj.crypto.store;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * This device's Olm account and what the server has of it.
 *
 * @param userId                   the account's user
 * @param deviceId                 this device
 * @param pickle                   the Olm account, pickled with the {@link PickleKey} (one-time keys
 *                                 and the fallback key inside, each with its published flag)
 * @param deviceKeysUploaded       true once the signed device keys were uploaded successfully
 * @param uploadedOneTimeKeyCount  the server's count of our one-time keys, as last reported by
 *                                 {@code /keys/upload} or {@code /sync}
 * @param fallbackKeyCreatedMs     when the current fallback key was generated (epoch ms), if any
 */
public record StoredAccount(UserId userId, DeviceId deviceId, String pickle, boolean deviceKeysUploaded,
                            long uploadedOneTimeKeyCount, Optional<Long> fallbackKeyCreatedMs) {
    public StoredAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(pickle, "pickle");
        Objects.requireNonNull(fallbackKeyCreatedMs, "fallbackKeyCreatedMs");
    }

    @Override
    public String toString() {
        return "StoredAccount[" + userId + ", " + deviceId + ", uploaded=" + deviceKeysUploaded + ", otks="
                + uploadedOneTimeKeyCount + "]";
    }
}
