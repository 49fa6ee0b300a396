/**
 * JSON kept exactly as the server sent it.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.json;

import org.jspecify.annotations.NullMarked;
