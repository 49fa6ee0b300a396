package dev.mxj.account;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link Account#deactivate(Deactivation, dev.mxj.auth.UiaHandler)}. Immutable; start
 * from {@link #defaults()}.
 *
 * @param erase    ask the server to erase the account's content as far as it can (spec v1.10)
 * @param idServer the identity server to unbind the account's 3PIDs from; when empty the server
 *                 uses the one each was bound through
 */
public record Deactivation(boolean erase, Optional<String> idServer) {
    public Deactivation {
        Objects.requireNonNull(idServer, "idServer");
    }

    /** No erasure; unbind 3PIDs from the identity servers they were bound through. */
    public static Deactivation defaults() {
        return new Deactivation(false, Optional.empty());
    }

    public Deactivation withErase(boolean value) {
        return new Deactivation(value, idServer);
    }

    public Deactivation withIdServer(String server) {
        if (server.isEmpty()) {
            throw new IllegalArgumentException("The identity server name cannot be empty.");
        }
        return new Deactivation(erase, Optional.of(server));
    }
}
