/**
 * The client ({@link dev.mxj.MatrixClient}), its errors and retry settings.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj;

import org.jspecify.annotations.NullMarked;
