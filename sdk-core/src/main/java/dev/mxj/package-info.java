/**
 * 
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj;

import org.jspecify.annotations.NullMarked;
