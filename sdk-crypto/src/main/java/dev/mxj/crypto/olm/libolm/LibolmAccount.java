package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.Account;
import dev.mxj.crypto.olm.IdentityKeys;
import dev.mxj.crypto.olm.InboundSessionResult;
import dev.mxj.crypto.olm.OlmMessage;
import dev.mxj.crypto.olm.OneTimeKey;
import dev.mxj.crypto.olm.Session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link Account} over an {@code OlmAccount}. Thread-safe: calls are serialised per account. */
final class LibolmAccount extends NativeObject implements Account {

    LibolmAccount(long ptr) {
        super(Native.ACCOUNT, ptr, "Account");
    }

    @Override
    public IdentityKeys identityKeys() {
        return KeyJson.identityKeys(call(Native::accountIdentityKeys));
    }

    @Override
    public String sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        return ascii(call(p -> Native.accountSign(p, message)));
    }

    @Override
    public int maxOneTimeKeys() {
        return callInt(Native::accountMaxOneTimeKeys);
    }

    @Override
    public void generateOneTimeKeys(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        run(p -> Native.accountGenerateOneTimeKeys(p, count));
    }

    @Override
    public List<OneTimeKey> oneTimeKeys() {
        return KeyJson.keyMap(call(Native::accountOneTimeKeys));
    }

    @Override
    public void markKeysAsPublished() {
        run(Native::accountMarkKeysAsPublished);
    }

    @Override
    public void generateFallbackKey() {
        run(Native::accountGenerateFallbackKey);
    }

    @Override
    public Optional<OneTimeKey> unpublishedFallbackKey() {
        return KeyJson.keyMap(call(Native::accountUnpublishedFallbackKey)).stream().findFirst();
    }

    @Override
    public void forgetOldFallbackKey() {
        run(Native::accountForgetOldFallbackKey);
    }

    @Override
    public Session createOutboundSession(String theirIdentityKey, String theirOneTimeKey) {
        byte[] identity = utf8(theirIdentityKey, "theirIdentityKey");
        byte[] oneTime = utf8(theirOneTimeKey, "theirOneTimeKey");
        return call(p -> new LibolmSession(Native.sessionCreateOutbound(p, identity, oneTime)));
    }

    @Override
    public InboundSessionResult createInboundSession(String theirIdentityKey, OlmMessage preKeyMessage) {
        byte[] identity = utf8(theirIdentityKey, "theirIdentityKey");
        Objects.requireNonNull(preKeyMessage, "preKeyMessage");
        if (!preKeyMessage.isPreKey()) {
            throw new IllegalArgumentException("An inbound session starts from a pre-key message (type 0)");
        }
        byte[] body = utf8(preKeyMessage.ciphertext(), "ciphertext");
        // Under the account's lock: create, decrypt, and only then consume the one-time key.
        return call(accountPtr -> {
            LibolmSession session = new LibolmSession(Native.sessionCreateInbound(accountPtr, identity, body));
            try {
                byte[] plaintext = session.decrypt(preKeyMessage);
                session.run(sessionPtr -> Native.accountRemoveOneTimeKeys(accountPtr, sessionPtr));
                return new InboundSessionResult(session, plaintext);
            } catch (RuntimeException | Error e) {
                session.close();
                throw e;
            }
        });
    }

    @Override
    public String pickle(byte[] key) {
        return pickleWith(key);
    }
}
