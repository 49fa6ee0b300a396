package dev.mxj.crypto.olm.libolm;

/**
 * The JNI entry points implemented in {@code src/main/c}. Handles are pointers to native memory
 * that the C side allocated; only {@link NativeObject} holds them, and only while it is open.
 * Every method may throw {@link dev.mxj.crypto.CryptoException} with libolm's error name.
 * Strings travel as UTF-8 / ASCII byte arrays.
 */
final class Native {
    // Object kinds: the numbers match the enum in mxj_olm.h.
    static final int ACCOUNT = 1;
    static final int SESSION = 2;
    static final int OUTBOUND_GROUP = 3;
    static final int INBOUND_GROUP = 4;
    static final int PK_ENCRYPTION = 5;
    static final int PK_DECRYPTION = 6;
    static final int PK_SIGNING = 7;
    static final int SAS = 8;

    static {
        NativeLoader.load();
    }

    private Native() {
    }

    static native String libolmVersion();

    // Any kind
    static native void free(int kind, long ptr);

    static native byte[] pickle(int kind, long ptr, byte[] key);

    static native long unpickle(int kind, byte[] key, byte[] pickle);

    // Account
    static native long accountCreate();

    static native byte[] accountIdentityKeys(long ptr);

    static native byte[] accountSign(long ptr, byte[] message);

    static native int accountMaxOneTimeKeys(long ptr);

    static native void accountGenerateOneTimeKeys(long ptr, int count);

    static native byte[] accountOneTimeKeys(long ptr);

    static native void accountMarkKeysAsPublished(long ptr);

    static native void accountGenerateFallbackKey(long ptr);

    static native byte[] accountUnpublishedFallbackKey(long ptr);

    static native void accountForgetOldFallbackKey(long ptr);

    static native void accountRemoveOneTimeKeys(long accountPtr, long sessionPtr);

    // Olm session
    static native long sessionCreateOutbound(long accountPtr, byte[] identityKey, byte[] oneTimeKey);

    static native long sessionCreateInbound(long accountPtr, byte[] identityKey, byte[] preKeyMessage);

    static native byte[] sessionId(long ptr);

    static native boolean sessionHasReceivedMessage(long ptr);

    /** {@code identityKey} may be null: then the sender is not checked. */
    static native boolean sessionMatchesInbound(long ptr, byte[] identityKey, byte[] preKeyMessage);

    static native int sessionEncryptMessageType(long ptr);

    static native byte[] sessionEncrypt(long ptr, byte[] plaintext);

    static native byte[] sessionDecrypt(long ptr, int type, byte[] message);

    // Megolm
    static native long outboundGroupCreate();

    static native byte[] outboundGroupId(long ptr);

    static native byte[] outboundGroupKey(long ptr);

    static native long outboundGroupMessageIndex(long ptr);

    static native byte[] outboundGroupEncrypt(long ptr, byte[] plaintext);

    static native long inboundGroupCreate(byte[] sessionKey);

    static native long inboundGroupImport(byte[] exportedKey);

    static native byte[] inboundGroupId(long ptr);

    static native long inboundGroupFirstKnownIndex(long ptr);

    static native byte[] inboundGroupExport(long ptr, long messageIndex);

    /** Writes the message index into {@code indexOut[0]}. */
    static native byte[] inboundGroupDecrypt(long ptr, byte[] message, long[] indexOut);

    // PK
    static native long pkEncryptionCreate(byte[] recipientKey);

    /** Returns {ciphertext, mac, ephemeral key}. */
    static native byte[][] pkEncrypt(long ptr, byte[] plaintext);

    static native long pkDecryptionCreate();

    static native long pkDecryptionFromPrivateKey(byte[] privateKey);

    static native byte[] pkDecryptionPublicKey(long ptr);

    static native byte[] pkDecryptionPrivateKey(long ptr);

    static native byte[] pkDecrypt(long ptr, byte[] ephemeralKey, byte[] mac, byte[] ciphertext);

    static native long pkSigningCreate();

    static native long pkSigningFromSeed(byte[] seed);

    static native byte[] pkSigningPublicKey(long ptr);

    static native byte[] pkSigningSeed(long ptr);

    static native byte[] pkSign(long ptr, byte[] message);

    // SAS
    static native long sasCreate();

    static native byte[] sasPublicKey(long ptr);

    static native void sasSetTheirKey(long ptr, byte[] theirKey);

    static native boolean sasIsTheirKeySet(long ptr);

    static native byte[] sasGenerateBytes(long ptr, byte[] info, int count);

    static native byte[] sasCalculateMac(long ptr, byte[] input, byte[] info, boolean fixedBase64);

    // Utility
    static native void ed25519Verify(byte[] publicKey, byte[] message, byte[] signature);

    static native byte[] sha256(byte[] input);
}
