/**
 * Storage SPIs and their in-memory implementations.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.store;

import org.jspecify.annotations.NullMarked;
