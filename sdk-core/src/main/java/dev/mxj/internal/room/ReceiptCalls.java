package dev.mxj.internal.room;

import dev.mxj.internal.Calls;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.ReceiptApi;
import dev.mxj.internal.api.ReportApi;
import dev.mxj.internal.api.TypingApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.room.ReceiptType;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Read receipts, read markers, typing notices, and content reports. */
final class ReceiptCalls {
    private final ClientContext context;

    ReceiptCalls(ClientContext context) {
        this.context = context;
    }

    CompletableFuture<Void> receipt(RoomId room, ReceiptType type, EventId event, Optional<String> threadId) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
        threadId.ifPresent(t -> {
            if (t.isEmpty()) {
                throw new IllegalArgumentException("thread_id must be \"main\" or a thread root's event ID");
            }
        });
        return context.transport().send(ApiRequest.post(MembershipCalls.ROOMS).segment(room.value())
                .segment("receipt").segment(type.value()).segment(event.value()).idempotent(true)
                .body(new ReceiptApi.Receipt(threadId.orElse(null))).noContent());
    }

    CompletableFuture<Void> readMarkers(RoomId room, EventId fullyRead, Optional<EventId> read,
                                        Optional<EventId> readPrivate) {
        Objects.requireNonNull(fullyRead, "fullyRead");
        return context.transport().send(ApiRequest.post(MembershipCalls.ROOMS).segment(room.value())
                .segment("read_markers").idempotent(true)
                .body(new ReceiptApi.ReadMarkers(fullyRead, read.orElse(null), readPrivate.orElse(null))).noContent());
    }

    CompletableFuture<Void> typing(RoomId room, boolean typing, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (typing && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("A typing timeout must be positive, was " + timeout);
        }
        return Calls.asUser(context, me -> context.transport().send(ApiRequest.put(MembershipCalls.ROOMS)
                .segment(room.value()).segment("typing").segment(me.value())
                .body(new TypingApi.Typing(typing, typing ? timeout.toMillis() : null)).noContent()));
    }

    CompletableFuture<Void> reportEvent(RoomId room, EventId event, Optional<String> reason, Optional<Integer> score) {
        Objects.requireNonNull(event, "event");
        score.ifPresent(s -> {
            if (s < -100 || s > 0) {
                throw new IllegalArgumentException("A report score is in [-100, 0], was " + s);
            }
        });
        return context.transport().send(ApiRequest.post(MembershipCalls.ROOMS).segment(room.value())
                .segment("report").segment(event.value())
                .body(new ReportApi.EventReport(reason.orElse(null), score.orElse(null))).noContent());
    }

    CompletableFuture<Void> reportRoom(RoomId room, String reason) {
        Objects.requireNonNull(reason, "reason");
        return context.transport().send(ApiRequest.post(MembershipCalls.ROOMS).segment(room.value())
                .segment("report").body(new ReportApi.RoomReport(reason)).noContent());
    }
}
