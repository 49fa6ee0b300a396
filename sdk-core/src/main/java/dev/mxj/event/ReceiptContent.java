package dev.mxj.event;

import dev.mxj.room.Receipt;

import java.util.List;

/**
 * {@code m.receipt} (ephemeral): read receipts, flattened from the spec's event ID → receipt type →
 * user map. Entries that are not well formed (an event ID or user ID that is not one) are skipped.
 */
public record ReceiptContent(List<Receipt> receipts) implements KnownContent {
    public static final String TYPE = "m.receipt";
    public static final String READ = "m.read";
    public static final String READ_PRIVATE = "m.read.private";

    public ReceiptContent {
        receipts = List.copyOf(receipts);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
