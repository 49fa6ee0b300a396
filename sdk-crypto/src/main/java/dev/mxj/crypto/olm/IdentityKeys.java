package dev.mxj.crypto.olm;

import java.util.Objects;

/**
 * A device's long-term public identity keys, unpadded base64: what goes in the {@code keys} of a
 * device-keys upload as {@code curve25519:DEVICE} and {@code ed25519:DEVICE}.
 *
 * @param curve25519 the Curve25519 identity key (Olm sessions are established to it)
 * @param ed25519    the Ed25519 fingerprint key (the device signs with it)
 */
public record IdentityKeys(String curve25519, String ed25519) {
    public IdentityKeys {
        Objects.requireNonNull(curve25519, "curve25519");
        Objects.requireNonNull(ed25519, "ed25519");
    }
}
