/**
 * Finding a homeserver from a server name, and what the server says about itself.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.discovery;

import org.jspecify.annotations.NullMarked;
