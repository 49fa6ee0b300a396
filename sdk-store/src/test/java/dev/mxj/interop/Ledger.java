package dev.mxj.interop;

import dev.mxj.event.Decrypted;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.testkit.JsMessage;
import dev.mxj.testkit.JsPeer;
import dev.mxj.testkit.JsPeerException;
import dev.mxj.testkit.JsUndecryptable;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which messages each party must be able to read, and what happened when it tried. Every
 * (reader, event) pair checked is counted once; one that the reader could not decrypt within the
 * wait is a UTD, recorded with its reason rather than thrown at once, so that the run's
 * {@code interop_utd_count} counts them all. A message decrypted to the wrong text or file is a
 * plain test failure (an assertion), not a UTD.
 */
final class Ledger {
    /** What a message should decrypt to: a text body, or a file's name and bytes. */
    record Sent(EventId eventId, String body, Optional<byte[]> file) {
        static Sent text(EventId id, String body) {
            return new Sent(id, body, Optional.empty());
        }

        static Sent file(EventId id, String name, byte[] data) {
            return new Sent(id, name, Optional.of(data));
        }

        static Sent text(String id, String body) {
            return text(EventId.of(id), body);
        }

        static Sent file(String id, String name, byte[] data) {
            return file(EventId.of(id), name, data);
        }
    }

    private final Set<String> checked = ConcurrentHashMap.newKeySet();
    private final Map<String, String> utds = new LinkedHashMap<>();
    /** Per js reader, room and sender: every message it must have decrypted so far. */
    private final Map<String, Map<EventId, Sent>> jsExpected = new ConcurrentHashMap<>();

    /** Checks that an mxj party decrypts each message, in its live timeline or stored history. */
    void mxjReads(MxjParty reader, RoomId roomId, Sent... messages) {
        for (Sent sent : messages) {
            checked.add(reader.name() + " " + sent.eventId().value());
            MxjParty.Outcome outcome = reader.awaitDecrypted(roomId, sent.eventId());
            if (outcome.decrypted().isEmpty()) {
                utd(reader.name(), sent.eventId().value(), outcome.why());
                continue;
            }
            Decrypted decrypted = outcome.decrypted().get();
            RoomMessageContent content = (RoomMessageContent) decrypted.event().content();
            assertEquals(sent.body(), content.body(), () -> reader.name() + " decrypted " + sent.eventId());
            if (sent.file().isPresent()) {
                assertArrayEquals(sent.file().get(), reader.download(decrypted),
                        () -> reader.name() + " downloads and decrypts the file of " + sent.eventId());
            }
        }
    }

    /**
     * Checks that a js peer decrypts each message from {@code sender} (and the file of a file
     * message: the peer downloads it, checks its hash and decrypts it), along with everything from
     * that sender it had to read before.
     */
    void jsReads(JsPeer reader, String readerName, RoomId roomId, UserId sender, Sent... messages) {
        Map<EventId, Sent> expected = jsExpected.computeIfAbsent(readerName + " " + roomId + " " + sender,
                k -> new LinkedHashMap<>());
        for (Sent sent : messages) {
            expected.put(sent.eventId(), sent);
            checked.add(readerName + " " + sent.eventId().value());
        }
        long deadline = System.nanoTime() + MxjParty.WAIT.toNanos();
        try {
            reader.waitForMessages(roomId.value(), sender.value(), expected.size(), MxjParty.WAIT, false);
        } catch (JsPeerException e) {
            if (!JsPeerException.TIMEOUT.equals(e.kind())) {
                throw e;
            }
        }
        Map<String, JsMessage> got;
        while (true) {
            got = jsSnapshot(reader, roomId, sender);
            Map<String, JsMessage> now = got;
            boolean all = expected.keySet().stream().allMatch(id -> isDecrypted(now.get(id.value())));
            if (all || System.nanoTime() > deadline) {
                break;
            }
            sleep();
        }
        for (Sent sent : messages) {
            JsMessage message = got.get(sent.eventId().value());
            if (!isDecrypted(message)) {
                utd(readerName, sent.eventId().value(), message == null ? "not received" : message.state() + message.utdReason().map(r -> " (" + r + ")").orElse(""));
                continue;
            }
            assertEquals(Optional.of(sent.body()), message.body(), () -> readerName + " decrypted " + sent.eventId());
            if (sent.file().isPresent()) {
                JsMessage.File file = message.file().orElseThrow(() -> new AssertionError(readerName
                        + " got no file for " + sent.eventId() + ": " + message.fileError().orElse("?")));
                assertEquals(sha256(sent.file().get()), file.sha256(), () -> readerName + " file " + sent.eventId());
                assertEquals(sent.file().get().length, file.size());
                assertEquals(true, file.encrypted(), "the file went encrypted");
            }
        }
    }

    /** Every message the peer has from the sender now, decrypted or not, by event ID. */
    static Map<String, JsMessage> jsSnapshot(JsPeer reader, RoomId roomId, UserId sender) {
        return reader.waitForMessages(roomId.value(), sender.value(), 0, Duration.ofSeconds(5), true).stream()
                .collect(Collectors.toMap(JsMessage::eventId, Function.identity(), (a, b) -> b, LinkedHashMap::new));
    }

    private static boolean isDecrypted(JsMessage message) {
        return message != null && message.isDecrypted();
    }

    private synchronized void utd(String reader, String eventId, String why) {
        utds.putIfAbsent(reader + " " + eventId, reader + " could not decrypt " + eventId + ": " + why);
    }

    /**
     * Counts as UTDs whatever else the peer holds undecryptable now: in these scenarios a js peer
     * only ever receives messages sent while it is joined, so it must be able to read them all.
     */
    void jsHoldsNoUtds(JsPeer reader, String readerName) {
        for (JsUndecryptable event : reader.undecryptable()) {
            checked.add(readerName + " " + event.eventId());
            utd(readerName, event.eventId(), event.reason() + " (found by utdCount)");
        }
    }

    /** How many (reader, message) pairs were checked. */
    int checkedCount() {
        return checked.size();
    }

    /** The UTDs so far, one line each. */
    synchronized List<String> utds() {
        return List.copyOf(utds.values());
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
