/**
 * The logged-in user's account, from {@link dev.mxj.MatrixClient#account()}: whoami, profile,
 * account data, room tags, ignored users, presence, user directory and server-side search,
 * devices, third-party identifiers, password change and deactivation.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.account;

import org.jspecify.annotations.NullMarked;
