/**
 * Validated Matrix identifiers.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.id;

import org.jspecify.annotations.NullMarked;
