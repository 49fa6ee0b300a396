package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.OlmMessage;
import dev.mxj.crypto.olm.Session;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/** {@link Session} over an {@code OlmSession}. Thread-safe: calls are serialised per session. */
final class LibolmSession extends NativeObject implements Session {

    LibolmSession(long ptr) {
        super(Native.SESSION, ptr, "Session");
    }

    @Override
    public String sessionId() {
        return ascii(call(Native::sessionId));
    }

    @Override
    public boolean hasReceivedMessage() {
        return callBoolean(Native::sessionHasReceivedMessage);
    }

    @Override
    public OlmMessage encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return call(p -> {
            int type = Native.sessionEncryptMessageType(p);
            return new OlmMessage(type, ascii(Native.sessionEncrypt(p, plaintext)));
        });
    }

    @Override
    public byte[] decrypt(OlmMessage message) {
        Objects.requireNonNull(message, "message");
        byte[] body = utf8(message.ciphertext(), "ciphertext");
        return call(p -> Native.sessionDecrypt(p, message.type(), body));
    }

    @Override
    public boolean matchesInbound(OlmMessage preKeyMessage) {
        return matches(null, preKeyMessage);
    }

    @Override
    public boolean matchesInbound(String theirIdentityKey, OlmMessage preKeyMessage) {
        return matches(utf8(theirIdentityKey, "theirIdentityKey"), preKeyMessage);
    }

    private boolean matches(byte @Nullable [] identity, OlmMessage preKeyMessage) {
        Objects.requireNonNull(preKeyMessage, "preKeyMessage");
        if (!preKeyMessage.isPreKey()) {
            throw new IllegalArgumentException("Only a pre-key message (type 0) can match an inbound session");
        }
        byte[] body = utf8(preKeyMessage.ciphertext(), "ciphertext");
        return callBoolean(p -> Native.sessionMatchesInbound(p, identity, body));
    }

    @Override
    public String pickle(byte[] key) {
        return pickleWith(key);
    }
}
