package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.GroupDecryption;
import dev.mxj.crypto.olm.InboundGroupSession;

/** {@link InboundGroupSession} over libolm. Thread-safe: calls are serialised per session. */
final class LibolmInboundGroupSession extends NativeObject implements InboundGroupSession {
    private static final long MAX_INDEX = 0xFFFF_FFFFL;

    LibolmInboundGroupSession(long ptr) {
        super(Native.INBOUND_GROUP, ptr, "InboundGroupSession");
    }

    @Override
    public String sessionId() {
        return ascii(call(Native::inboundGroupId));
    }

    @Override
    public long firstKnownIndex() {
        return callLong(Native::inboundGroupFirstKnownIndex);
    }

    @Override
    public String export(long messageIndex) {
        if (messageIndex < 0 || messageIndex > MAX_INDEX) {
            throw new IllegalArgumentException("message index must be in 0..2^32-1: " + messageIndex);
        }
        return asciiThenWipe(call(p -> Native.inboundGroupExport(p, messageIndex)));
    }

    @Override
    public GroupDecryption decrypt(String ciphertext) {
        byte[] message = utf8(ciphertext, "ciphertext");
        long[] index = new long[1];
        byte[] plaintext = call(p -> Native.inboundGroupDecrypt(p, message, index));
        return new GroupDecryption(plaintext, index[0]);
    }

    @Override
    public String pickle(byte[] key) {
        return pickleWith(key);
    }
}
