package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.OutboundGroupSession;

import java.util.Objects;

/** {@link OutboundGroupSession} over libolm. Thread-safe: calls are serialised per session. */
final class LibolmOutboundGroupSession extends NativeObject implements OutboundGroupSession {

    LibolmOutboundGroupSession(long ptr) {
        super(Native.OUTBOUND_GROUP, ptr, "OutboundGroupSession");
    }

    @Override
    public String sessionId() {
        return ascii(call(Native::outboundGroupId));
    }

    @Override
    public String sessionKey() {
        return asciiThenWipe(call(Native::outboundGroupKey));
    }

    @Override
    public long messageIndex() {
        return callLong(Native::outboundGroupMessageIndex);
    }

    @Override
    public String encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return ascii(call(p -> Native.outboundGroupEncrypt(p, plaintext)));
    }

    @Override
    public String pickle(byte[] key) {
        return pickleWith(key);
    }
}
