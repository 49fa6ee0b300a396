package dev.mxj.crypto.module;

import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

/** Opens the crypto store of one device when the module attaches to its session. */
@FunctionalInterface
public interface CryptoStoreFactory {
    /**
     * The store of {@code deviceId} of {@code userId}; the module closes it when it detaches.
     *
     * @throws dev.mxj.StoreException if it cannot be opened
     */
    CryptoStore open(UserId userId, DeviceId deviceId);
}
