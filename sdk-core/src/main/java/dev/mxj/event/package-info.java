/**
 * Matrix events: envelopes ({@link dev.mxj.event.RoomEvent}, {@link dev.mxj.event.BasicEvent}, ...),
 * typed content records named after the spec's types ({@code m.room.member} is
 * {@link dev.mxj.event.RoomMemberContent}), and the {@link dev.mxj.event.EventRegistry} that parses them.
 * Parsing never throws: unknown types and content that breaks its schema are values too, and the raw
 * JSON is always kept.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.event;

import org.jspecify.annotations.NullMarked;
