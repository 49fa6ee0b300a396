package dev.mxj.crypto.machine;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.OlmBackend;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Signed JSON (spec: "Signing JSON"): canonical form without {@code signatures} and {@code unsigned}. */
final class Signatures {
    private Signatures() {
    }

    /** The canonical JSON a signature of {@code object} covers. */
    static String canonicalForSigning(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.remove("signatures");
        copy.remove("unsigned");
        return Json.canonical(copy);
    }

    /**
     * Checks the signature by {@code signer}'s key {@code keyId} (e.g. {@code ed25519:DEVICE}) on
     * {@code object} with {@code publicKey}. False for a missing, malformed or wrong signature.
     */
    static boolean verify(OlmBackend olm, Map<String, Object> object, String signer, String keyId, String publicKey) {
        Optional<String> signature = Json.string(Json.object(Json.object(object, "signatures"), signer), keyId);
        if (signature.isEmpty()) {
            return false;
        }
        try {
            olm.verifyEd25519(publicKey, canonicalForSigning(object).getBytes(StandardCharsets.UTF_8), signature.get());
            return true;
        } catch (CryptoException | IllegalArgumentException e) {
            return false;
        }
    }
}
