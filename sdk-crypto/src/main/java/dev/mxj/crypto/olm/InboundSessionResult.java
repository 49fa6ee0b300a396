package dev.mxj.crypto.olm;

import java.util.Objects;

/**
 * What {@link Account#createInboundSession} gives back: the new session and the plaintext of the
 * pre-key message that started it.
 *
 * @param session   the new Olm session; the caller owns it and must close it
 * @param plaintext the first message's plaintext; the caller owns this array and may wipe it
 */
public record InboundSessionResult(Session session, byte[] plaintext) {
    public InboundSessionResult {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(plaintext, "plaintext");
    }
}
