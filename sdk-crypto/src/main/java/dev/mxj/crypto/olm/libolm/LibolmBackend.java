package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.Account;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.olm.OlmBackendUnavailableException;
import dev.mxj.crypto.olm.OutboundGroupSession;
import dev.mxj.crypto.olm.PkDecryption;
import dev.mxj.crypto.olm.PkEncryption;
import dev.mxj.crypto.olm.PkSigning;
import dev.mxj.crypto.olm.Sas;
import dev.mxj.crypto.olm.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Objects;

/**
 * The {@link OlmBackend} over the system's libolm 3, through mxj's JNI library (shipped in the
 * sdk-crypto jar for linux-x86_64, built against Debian's libolm-dev).
 *
 * <pre>{@code
 * OlmBackend olm = LibolmBackend.create();
 * try (Account account = olm.createAccount()) {
 *     String signature = account.sign("{\"canonical\":\"json\"}");
 * }
 * }</pre>
 *
 * <p>libolm is deprecated upstream (since 2024, in favour of vodozemac) and has published
 * timing side channels; see docs/crypto.md before choosing it.
 *
 * <p>Randomness: every random byte libolm needs comes from the kernel ({@code getrandom(2)}, the
 * {@code /dev/urandom} pool), read in C; it never enters the Java heap.
 *
 * <p>Thread safety: this backend is stateless and safe to share. Each object it creates serialises
 * its own calls; distinct objects work in parallel.
 */
public final class LibolmBackend implements OlmBackend {
    private static final Logger LOG = LoggerFactory.getLogger(LibolmBackend.class);

    private final String libolmVersion;

    private LibolmBackend(String libolmVersion) {
        this.libolmVersion = libolmVersion;
    }

    /**
     * Loads the JNI library and checks libolm's version.
     *
     * @throws OlmBackendUnavailableException if libolm 3 is not installed (the message says which
     *                                        package to install) or this platform has no JNI library
     */
    public static LibolmBackend create() {
        NativeLoader.load();
        String version = Native.libolmVersion();
        if (!version.startsWith("3.")) {
            throw new OlmBackendUnavailableException("mxj needs libolm 3.x; this system has libolm " + version);
        }
        LOG.debug("Using libolm {}", version);
        return new LibolmBackend(version);
    }

    /** The version of the libolm library in use, e.g. {@code 3.2.13}. */
    public String libolmVersion() {
        return libolmVersion;
    }

    @Override
    public String name() {
        return "libolm " + libolmVersion;
    }

    @Override
    public Account createAccount() {
        return new LibolmAccount(Native.accountCreate());
    }

    @Override
    public Account unpickleAccount(String pickle, byte[] key) {
        return new LibolmAccount(unpickle(Native.ACCOUNT, pickle, key));
    }

    @Override
    public Session unpickleSession(String pickle, byte[] key) {
        return new LibolmSession(unpickle(Native.SESSION, pickle, key));
    }

    @Override
    public OutboundGroupSession createOutboundGroupSession() {
        return new LibolmOutboundGroupSession(Native.outboundGroupCreate());
    }

    @Override
    public OutboundGroupSession unpickleOutboundGroupSession(String pickle, byte[] key) {
        return new LibolmOutboundGroupSession(unpickle(Native.OUTBOUND_GROUP, pickle, key));
    }

    @Override
    public InboundGroupSession createInboundGroupSession(String sessionKey) {
        byte[] key = NativeObject.utf8(sessionKey, "sessionKey");
        try {
            return new LibolmInboundGroupSession(Native.inboundGroupCreate(key));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public InboundGroupSession importInboundGroupSession(String exportedSessionKey) {
        byte[] key = NativeObject.utf8(exportedSessionKey, "exportedSessionKey");
        try {
            return new LibolmInboundGroupSession(Native.inboundGroupImport(key));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public InboundGroupSession unpickleInboundGroupSession(String pickle, byte[] key) {
        return new LibolmInboundGroupSession(unpickle(Native.INBOUND_GROUP, pickle, key));
    }

    @Override
    public PkEncryption createPkEncryption(String recipientPublicKey) {
        byte[] key = NativeObject.utf8(recipientPublicKey, "recipientPublicKey");
        return new LibolmPk.Encryption(Native.pkEncryptionCreate(key));
    }

    @Override
    public PkDecryption createPkDecryption() {
        return new LibolmPk.Decryption(Native.pkDecryptionCreate());
    }

    @Override
    public PkDecryption pkDecryptionFromPrivateKey(byte[] privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        return new LibolmPk.Decryption(Native.pkDecryptionFromPrivateKey(privateKey));
    }

    @Override
    public PkDecryption unpicklePkDecryption(String pickle, byte[] key) {
        return new LibolmPk.Decryption(unpickle(Native.PK_DECRYPTION, pickle, key));
    }

    @Override
    public PkSigning createPkSigning() {
        return new LibolmPk.Signing(Native.pkSigningCreate());
    }

    @Override
    public PkSigning pkSigningFromSeed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        return new LibolmPk.Signing(Native.pkSigningFromSeed(seed));
    }

    @Override
    public Sas createSas() {
        return new LibolmSas(Native.sasCreate());
    }

    @Override
    public void verifyEd25519(String publicKey, byte[] message, String signature) {
        Objects.requireNonNull(message, "message");
        Native.ed25519Verify(NativeObject.utf8(publicKey, "publicKey"), message,
                NativeObject.utf8(signature, "signature"));
    }

    @Override
    public String sha256(byte[] input) {
        Objects.requireNonNull(input, "input");
        return NativeObject.ascii(Native.sha256(input));
    }

    @Override
    public String toString() {
        return name();
    }

    private static long unpickle(int kind, String pickle, byte[] key) {
        Objects.requireNonNull(key, "key");
        return Native.unpickle(kind, key, NativeObject.utf8(pickle, "pickle"));
    }
}
