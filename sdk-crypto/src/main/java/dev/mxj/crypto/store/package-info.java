/**
 * The crypto store SPI: what the {@code OlmMachine} persists (account, Olm and Megolm sessions,
 * device lists, tracked users, pending requests) and {@link dev.mxj.crypto.store.MemoryCryptoStore},
 * its in-memory implementation. Every write goes through one atomic
 * {@link dev.mxj.crypto.store.CryptoStore#save(CryptoChanges)}. Pickles arrive already encrypted
 * with the {@link dev.mxj.crypto.store.PickleKey}; a store never sees a secret in the clear.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.crypto.store;

import org.jspecify.annotations.NullMarked;
