package dev.mxj.room;

import dev.mxj.id.EventId;
import dev.mxj.id.UserId;

import java.util.Optional;

/**
 * A read receipt: {@code userId} has read up to {@code eventId}.
 *
 * @param receiptType {@code m.read} or {@code m.read.private}
 * @param threadId    {@code main}, a thread root's event ID, or empty for an unthreaded receipt
 * @param timestamp   ms since the epoch, 0 when the server gave none
 */
public record Receipt(EventId eventId, String receiptType, UserId userId, Optional<String> threadId, long timestamp) {
}
