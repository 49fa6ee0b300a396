/**
 * The logged-in user's account: whoami, and later profile, devices and account data.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.account;

import org.jspecify.annotations.NullMarked;
