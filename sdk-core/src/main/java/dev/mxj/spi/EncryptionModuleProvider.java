package dev.mxj.spi;

import dev.mxj.store.StateStore;

import java.util.Optional;

/**
 * Makes an {@link EncryptionModule} for a client that was not given one: the client finds providers
 * with {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.mxj.spi.EncryptionModuleProvider}
 * file, or {@code provides} in a module descriptor) and uses the first that answers a module. No
 * provider, or none answering, means no end-to-end encryption.
 */
public interface EncryptionModuleProvider {
    /**
     * A module for a new client, or empty if this provider cannot make one in this setting (e.g. its
     * native library is missing; say why in a log line).
     *
     * @param stateStore the client's state store: a module may keep its crypto state next to it (e.g. in
     *                   the same SQLite file) when the store offers that
     */
    Optional<EncryptionModule> create(StateStore stateStore);
}
