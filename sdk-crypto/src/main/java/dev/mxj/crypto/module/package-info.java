/**
 * sdk-crypto's {@link dev.mxj.spi.EncryptionModule}: the {@link dev.mxj.crypto.machine.OlmMachine}
 * driven by the client, its requests sent through the client's transport.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.crypto.module;

import org.jspecify.annotations.NullMarked;
