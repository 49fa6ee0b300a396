package dev.mxj.crypto.machine;

import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.PickleKey;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.util.UUID;

/** What every part of the machine shares: backend, store, pickle key, own ids, config. */
final class Context {
    final OlmBackend olm;
    final CryptoStore store;
    final PickleKey pickleKey;
    final UserId userId;
    final DeviceId deviceId;
    final MachineConfig config;

    Context(OlmBackend olm, CryptoStore store, PickleKey pickleKey, UserId userId, DeviceId deviceId,
            MachineConfig config) {
        this.olm = olm;
        this.store = store;
        this.pickleKey = pickleKey;
        this.userId = userId;
        this.deviceId = deviceId;
        this.config = config;
    }

    long now() {
        return config.clock().millis();
    }

    /** A fresh request or transaction id. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Runs {@code pickler} with a copy of the pickle key bytes, wiped afterwards. */
    String pickle(java.util.function.Function<byte[], String> pickler) {
        byte[] key = pickleKey.bytes();
        try {
            return pickler.apply(key);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /** Unpickles with a copy of the pickle key bytes, wiped afterwards. */
    <T> T unpickle(java.util.function.Function<byte[], T> unpickler) {
        byte[] key = pickleKey.bytes();
        try {
            return unpickler.apply(key);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }
}
