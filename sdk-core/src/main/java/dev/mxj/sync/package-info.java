/**
 * The sync loop: {@link dev.mxj.sync.SyncService} (from {@link dev.mxj.MatrixClient#sync()}), its
 * observable {@link dev.mxj.sync.SyncState}, and its settings.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.sync;

import org.jspecify.annotations.NullMarked;
