/**
 * The Olm backend interface: accounts, Olm sessions, Megolm group sessions, PK encryption and
 * signing, SAS, and hashing/verification utilities, as plain Java types. Start at
 * {@link dev.mxj.crypto.olm.OlmBackend}. No implementation type appears here, so a second
 * (pure-Java) backend can implement the same interfaces.
 *
 * <p>Keys, signatures, ciphertexts and session keys are unpadded base64 strings, as the Matrix
 * specification writes them. Plaintexts and pickle keys are {@code byte[]}: the caller owns them and
 * may wipe them. Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.crypto.olm;

import org.jspecify.annotations.NullMarked;
