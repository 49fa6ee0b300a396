/**
 * End-to-end encryption for mxj: {@link dev.mxj.crypto.CryptoException}, the error every crypto
 * operation fails with. Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.crypto;

import org.jspecify.annotations.NullMarked;
