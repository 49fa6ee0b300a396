package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.PkDecryption;
import dev.mxj.crypto.olm.PkEncryption;
import dev.mxj.crypto.olm.PkMessage;
import dev.mxj.crypto.olm.PkSigning;

import java.util.Objects;

/** The PK objects over libolm. Each is thread-safe: calls are serialised per object. */
final class LibolmPk {
    private LibolmPk() {
    }

    static final class Encryption extends NativeObject implements PkEncryption {
        Encryption(long ptr) {
            super(Native.PK_ENCRYPTION, ptr, "PkEncryption");
        }

        @Override
        public PkMessage encrypt(byte[] plaintext) {
            Objects.requireNonNull(plaintext, "plaintext");
            byte[][] parts = call(p -> Native.pkEncrypt(p, plaintext));
            return new PkMessage(ascii(parts[0]), ascii(parts[1]), ascii(parts[2]));
        }
    }

    static final class Decryption extends NativeObject implements PkDecryption {
        Decryption(long ptr) {
            super(Native.PK_DECRYPTION, ptr, "PkDecryption");
        }

        @Override
        public String publicKey() {
            return ascii(call(Native::pkDecryptionPublicKey));
        }

        @Override
        public byte[] privateKey() {
            return call(Native::pkDecryptionPrivateKey);
        }

        @Override
        public byte[] decrypt(PkMessage message) {
            Objects.requireNonNull(message, "message");
            byte[] ephemeral = utf8(message.ephemeralKey(), "ephemeralKey");
            byte[] mac = utf8(message.mac(), "mac");
            byte[] ciphertext = utf8(message.ciphertext(), "ciphertext");
            return call(p -> Native.pkDecrypt(p, ephemeral, mac, ciphertext));
        }

        @Override
        public String pickle(byte[] key) {
            return pickleWith(key);
        }
    }

    static final class Signing extends NativeObject implements PkSigning {
        Signing(long ptr) {
            super(Native.PK_SIGNING, ptr, "PkSigning");
        }

        @Override
        public String publicKey() {
            return ascii(call(Native::pkSigningPublicKey));
        }

        @Override
        public byte[] seed() {
            return call(Native::pkSigningSeed);
        }

        @Override
        public String sign(byte[] message) {
            Objects.requireNonNull(message, "message");
            return ascii(call(p -> Native.pkSign(p, message)));
        }
    }
}
