/**
 * Sending room events through the persistent send queue: a {@link dev.mxj.send.SendHandle} for each
 * queued event, its {@link dev.mxj.send.SendState}, and the {@link dev.mxj.send.LocalEcho} shown until
 * the server's copy arrives. Start from {@link dev.mxj.room.Room#sendText(String)}.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.send;

import org.jspecify.annotations.NullMarked;
