package dev.mxj.store.sqlite.crash;

import dev.mxj.testing.RawClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends {@code msg-0}, {@code msg-1}, ... into one room at a steady rate from its own thread, one
 * after another (so the server orders them by number), and remembers each event ID. A failed send
 * is retried with the same transaction ID, which the server deduplicates, so every number is sent
 * exactly once.
 */
final class MessageSender implements AutoCloseable {
    private static final int ATTEMPTS = 8;

    private final RawClient raw;
    private final String roomId;
    private final long intervalNanos;
    private final String txnPrefix = "crash-" + Long.toHexString(System.nanoTime());
    private final List<String> eventIds = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private volatile int retries;

    private MessageSender(RawClient raw, String roomId, Duration interval) {
        this.raw = raw;
        this.roomId = roomId;
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, "crash-sender");
        this.thread.setDaemon(true);
    }

    /** Starts sending, one message every {@code interval}. */
    static MessageSender start(RawClient raw, String roomId, Duration interval) {
        MessageSender sender = new MessageSender(raw, roomId, interval);
        sender.thread.start();
        return sender;
    }

    private void run() {
        long start = System.nanoTime();
        try {
            for (int i = 0; !stopping; i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String eventId = send(i);
                synchronized (eventIds) {
                    eventIds.add(eventId);
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    private String send(int index) throws InterruptedException {
        String path = "/rooms/" + URLEncoder.encode(roomId, StandardCharsets.UTF_8) + "/send/m.room.message/"
                + txnPrefix + "-" + index;
        Map<String, Object> content = Map.of("msgtype", "m.text", "body", Messages.body(index));
        for (int attempt = 1; ; attempt++) {
            try {
                return raw.call("PUT", path, content).string("event_id").orElseThrow();
            } catch (IllegalStateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                retries++;
                TimeUnit.MILLISECONDS.sleep(250L * attempt);
            }
        }
    }

    /** Messages the server has accepted so far. */
    int acked() {
        synchronized (eventIds) {
            return eventIds.size();
        }
    }

    /** The event IDs of the messages the server has accepted so far, by number. */
    List<String> eventIds() {
        synchronized (eventIds) {
            return List.copyOf(eventIds);
        }
    }

    /** Fails if a send failed for good. */
    void check() {
        if (failure != null) {
            throw new AssertionError("Sending a message failed: " + failure, failure);
        }
    }

    /** Sends that failed and were retried. */
    int retries() {
        return retries;
    }

    /**
     * Stops after the send under way; returns the event IDs of every message sent, by number.
     *
     * @throws AssertionError if a send failed for good
     */
    List<String> stop() throws InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(60));
        if (thread.isAlive()) {
            throw new AssertionError("The sender did not stop within 60 s");
        }
        check();
        return eventIds();
    }

    /** Makes the thread stop, without waiting; for clean-up after a failure. */
    @Override
    public void close() {
        stopping = true;
    }
}
