/**
 * Login, logout, registration, User-Interactive Authentication and the session.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.auth;

import org.jspecify.annotations.NullMarked;
