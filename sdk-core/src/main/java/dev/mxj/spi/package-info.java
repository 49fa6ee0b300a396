/**
 * Service provider interfaces: how sdk-core reaches parts that live in other artifacts without
 * depending on them. {@link dev.mxj.spi.EncryptionModule} is how the client reaches end-to-end
 * encryption (sdk-crypto implements it); core works without one.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.spi;

import org.jspecify.annotations.NullMarked;
