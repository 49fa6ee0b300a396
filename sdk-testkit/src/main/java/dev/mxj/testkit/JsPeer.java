package dev.mxj.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Another Matrix client for interop tests: matrix-js-sdk 37.5.0 with its Rust crypto (the crypto
 * Element uses), in a Node.js process that this object drives. It keeps its crypto in memory,
 * shares room keys with unverified devices and decrypts from them (Element's defaults), and sends
 * encrypted attachments as Element does.
 *
 * <pre>{@code
 * try (JsPeer bob = JsPeer.start("bob")) {
 *     bob.login(dendrite.baseUrl(), bobUser, "BOBJS");
 *     bob.startSync();
 *     bob.join(roomId);
 *     List<JsMessage> got = bob.waitForMessages(roomId, alice.userId(), 2);
 *     bob.send(roomId, "hi");
 * }
 * }</pre>
 *
 * <p>The first peer on a machine installs the npm packages with {@code npm ci} into
 * {@code ~/.cache/mxj/jspeer/} (scripts/setup does it ahead of time); it needs Node.js 20 or newer.
 * Every method blocks until the peer answers; the waiting ones give up after the peer's wait
 * timeout ({@link Builder#waitTimeout}, 30 s by default) and every failure is a
 * {@link JsPeerException} that ends with the peer's last log lines. The peer logs to
 * {@link #logFile()}: never access tokens, keys or message text. Methods may be called from
 * several threads at once. Protocol and behaviour: docs/interop.md.
 */
public final class JsPeer implements AutoCloseable {

    /** How much longer than its own wait the driver waits for the peer to answer. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(15);
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final JsPeerProcess process;
    private final Duration waitTimeout;

    private JsPeer(JsPeerProcess process, Duration waitTimeout) {
        this.process = process;
        this.waitTimeout = waitTimeout;
    }

    /**
     * Starts a peer with the defaults.
     *
     * @param name names the peer in logs and error messages, such as {@code bob}
     * @return the running peer, not logged in yet
     * @throws JsPeerUnavailableException if Node.js or npm is missing or too old
     */
    public static JsPeer start(String name) {
        return builder(name).start();
    }

    /**
     * @param name names the peer in logs and error messages
     * @return a builder for a peer with other settings
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the file the peer's stderr log goes to */
    public Path logFile() {
        return process.logFile();
    }

    /** @return the node process's id */
    public long pid() {
        return process.pid();
    }

    /**
     * Logs in with a password and sets up Rust crypto for the new device (in memory).
     *
     * @param homeserver the client-server API base URL
     * @param userId a full user id or a localpart
     * @param password the password
     * @param deviceId the device id to log in as (distinct per peer of one user)
     * @return the session; its toString leaves out the token
     */
    public JsLogin login(URI homeserver, String userId, String password, String deviceId) {
        Map<String, Object> args = new HashMap<>();
        args.put("homeserverUrl", homeserver.toString());
        args.put("userId", Objects.requireNonNull(userId, "userId"));
        args.put("password", Objects.requireNonNull(password, "password"));
        args.put("deviceId", Objects.requireNonNull(deviceId, "deviceId"));
        JsLogin login = JsLogin.from(process.call("login", args, answer(waitTimeout)));
        process.identify(login.userId(), login.deviceId());
        return login;
    }

    /**
     * Logs in as a test user on a new device.
     *
     * @param homeserver the client-server API base URL
     * @param user the user to log in as
     * @param deviceId the device id (distinct per peer of one user)
     * @return the session
     */
    public JsLogin login(URI homeserver, TestUser user, String deviceId) {
        return login(homeserver, user.userId(), user.password(), deviceId);
    }

    /** Starts syncing; returns after the first sync, once the server has this device's keys. */
    public void startSync() {
        call("start", Map.of());
    }

    /**
     * Creates a room and waits until the peer's client has it (joined, encryption set up, the
     * invitees seen as invited), so that a send right after is encrypted as it should be.
     *
     * @param room what to create
     * @return the room id
     */
    public String createRoom(JsNewRoom room) {
        return Json.string(call("createRoom", room.arguments()), "roomId");
    }

    /**
     * Joins a room and waits until the peer's client has it joined, with encryption set up.
     *
     * @param roomIdOrAlias the room
     * @return the room id
     */
    public String join(String roomIdOrAlias) {
        return Json.string(call("join", Map.of("roomId", roomIdOrAlias)), "roomId");
    }

    /** Invites a user and waits until the peer's client sees the invite. */
    public void invite(String roomId, String userId) {
        call("invite", Map.of("roomId", roomId, "userId", userId));
    }

    /** Leaves a room and waits until the peer's client sees that it left. */
    public void leave(String roomId) {
        call("leave", Map.of("roomId", roomId));
    }

    /**
     * Waits until the peer's client sees a user with a membership: call it before sending to a
     * member who just joined, else the peer may not share the room key with them yet.
     *
     * @param membership {@code join}, {@code invite}, {@code leave} or {@code ban}
     */
    public void waitForMember(String roomId, String userId, String membership) {
        call("waitForMember", Map.of("roomId", roomId, "userId", userId, "membership", membership));
    }

    /**
     * Waits until the peer's crypto knows a device (from its sync's device list changes and a key
     * query): call it before sending when a member just logged in on a new device, else the peer
     * may encrypt for the devices it knew before.
     *
     * @return the device's public keys as the peer sees them
     */
    public JsDeviceKeys waitForDevice(String userId, String deviceId) {
        Map<String, Object> result = call("waitForDevice", Map.of("userId", userId,
                "deviceId", deviceId));
        return new JsDeviceKeys(userId, deviceId, Json.string(result, "ed25519"),
                Json.string(result, "curve25519"));
    }

    /**
     * Sends an {@code m.text} message, encrypted if the room is.
     *
     * @return the event id
     */
    public String send(String roomId, String text) {
        return Json.string(call("send", Map.of("roomId", roomId, "body", text)), "eventId");
    }

    /**
     * Sends an {@code m.file}: in an encrypted room as an encrypted attachment (AES-CTR, key, iv
     * and SHA-256 in the event's {@code file}), else as plain media.
     *
     * @param name the file name (the event's {@code body})
     * @param mimetype the content type for {@code info.mimetype}
     * @param data the file's bytes (sent inline in the protocol: keep it to a few MiB)
     * @return the event and the plaintext's SHA-256
     */
    public JsSentFile sendFile(String roomId, String name, String mimetype, byte[] data) {
        return JsSentFile.from(call("sendFile", Map.of("roomId", roomId, "name", name,
                "mimetype", mimetype, "data", Base64.getEncoder().encodeToString(data))));
    }

    /**
     * Waits until at least {@code count} messages from {@code sender} in the room are decrypted
     * (or were sent in the clear), within the wait timeout.
     *
     * @return every message from the sender the peer has, in timeline order, files downloaded,
     *     decrypted and hashed
     * @throws JsPeerException of kind {@link JsPeerException#TIMEOUT} listing what did arrive,
     *     with the reasons of any undecryptable ones
     */
    public List<JsMessage> waitForMessages(String roomId, String sender, int count) {
        return waitForMessages(roomId, sender, count, waitTimeout, false);
    }

    /**
     * Like {@link #waitForMessages(String, String, int)}, with a timeout, and optionally counting
     * undecryptable messages as arrived (to check that a peer cannot read something).
     *
     * @param countUndecryptable whether messages that failed to decrypt count towards {@code count}
     */
    public List<JsMessage> waitForMessages(String roomId, String sender, int count,
            Duration timeout, boolean countUndecryptable) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("roomId", roomId);
        args.put("sender", sender);
        args.put("count", count);
        args.put("allowUtd", countUndecryptable);
        args.put("timeoutMs", timeout.toMillis());
        Map<String, Object> result = process.call("waitForMessages", args, answer(timeout));
        List<JsMessage> messages = Json.objects(result, "messages").stream()
                .map(JsMessage::from).toList();
        if (!Json.bool(result, "complete")) {
            String got = messages.stream().map(JsMessage::summary)
                    .collect(Collectors.joining(", ", "[", "]"));
            throw new JsPeerException(JsPeerException.TIMEOUT, null, process.describe(
                    "waitForMessages", "timed out after " + timeout.toMillis() + " ms waiting for "
                    + count + (countUndecryptable ? " messages" : " decrypted messages") + " from "
                    + sender + " in " + roomId + "; it has " + messages.size() + ": " + got));
        }
        return messages;
    }

    /**
     * Downloads a file message's file, checks its hash and decrypts it.
     *
     * @return the plaintext's SHA-256 and size
     */
    public JsDownload downloadFile(String roomId, String eventId) {
        return JsDownload.from(call("downloadFile", Map.of("roomId", roomId, "eventId", eventId)));
    }

    /**
     * Downloads a file message's file, checks its hash and decrypts it.
     *
     * @return the plaintext bytes
     */
    public byte[] downloadFileBytes(String roomId, String eventId) {
        Map<String, Object> result = call("downloadFile",
                Map.of("roomId", roomId, "eventId", eventId, "includeData", true));
        return Base64.getDecoder().decode(Json.string(result, "data"));
    }

    /**
     * Encrypts bytes as the peer does for {@link #sendFile} in an encrypted room, without a server:
     * to check another implementation against it.
     *
     * @return the ciphertext with its key, iv and hash
     */
    public JsAttachment encryptAttachment(byte[] plaintext) {
        return JsAttachment.from(process.call("encryptAttachment",
                Map.of("data", Base64.getEncoder().encodeToString(plaintext)), answer(waitTimeout)));
    }

    /**
     * Checks an attachment's hash and decrypts it as the peer does when it receives a file.
     *
     * @return the plaintext
     * @throws JsPeerException of kind {@link JsPeerException#FAILED} saying what is wrong, such as
     *     a hash that does not match
     */
    public byte[] decryptAttachment(JsAttachment attachment) {
        Map<String, Object> result = process.call("decryptAttachment", Map.of("ciphertext",
                Base64.getEncoder().encodeToString(attachment.ciphertext()), "file", attachment.file()),
                answer(waitTimeout));
        return Base64.getDecoder().decode(Json.string(result, "data"));
    }

    /** @return how many received events, in all rooms, fail to decrypt now */
    public int utdCount() {
        return undecryptable().size();
    }

    /** @return the received events, in all rooms, that fail to decrypt now, with their reasons */
    public List<JsUndecryptable> undecryptable() {
        return Json.objects(call("utdCount", Map.of()), "events").stream()
                .map(JsUndecryptable::from).toList();
    }

    /** @return this peer's device id and public identity keys */
    public JsDeviceKeys deviceInfo() {
        return JsDeviceKeys.from(call("deviceInfo", Map.of()));
    }

    /**
     * Stops the client and ends the node process. Idempotent.
     *
     * @throws JsPeerException if the peer does not stop cleanly (it is killed anyway)
     */
    public void stop() {
        try {
            if (process.isAlive()) {
                process.call("stop", Map.of(), Duration.ofSeconds(10));
                if (!process.awaitExit(Duration.ofSeconds(10))) {
                    throw new JsPeerException(JsPeerException.FAILED, null, process.describe("stop",
                            "answered but did not exit within 10 s"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.close();
        }
    }

    /** Stops the peer like {@link #stop()}, killing it if it does not stop cleanly. */
    @Override
    public void close() {
        try {
            stop();
        } catch (JsPeerException e) {
            // killed by stop's finally; the test's own failure, if any, says more
        }
    }

    /** Calls a command whose peer-side waits use the wait timeout. */
    private Map<String, Object> call(String command, Map<String, Object> args) {
        Map<String, Object> withTimeout = new HashMap<>(args);
        withTimeout.put("timeoutMs", waitTimeout.toMillis());
        return process.call(command, withTimeout, answer(waitTimeout));
    }

    private static Duration answer(Duration peerWait) {
        return peerWait.plus(ANSWER_MARGIN);
    }

    /** Settings for a {@link JsPeer}. */
    public static final class Builder {

        private final String name;
        private Path logDir;
        private String logLevel = "debug";
        private Duration waitTimeout = Duration.ofSeconds(30);

        private Builder(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("a js peer's name is letters, digits, '.', '_'"
                        + " or '-', used in its log file's name; got " + name);
            }
            this.name = name;
        }

        /**
         * @param dir where the log file goes; default: the system property
         *     {@code mxj.jspeer.logDir}, else {@code <tmp>/mxj-jspeer}
         * @return this
         */
        public Builder logDir(Path dir) {
            this.logDir = Objects.requireNonNull(dir);
            return this;
        }

        /**
         * @param level {@code debug} (the default: matrix-js-sdk and Rust crypto debug logs),
         *     {@code info}, {@code warn} or {@code error}
         * @return this
         */
        public Builder logLevel(String level) {
            if (!List.of("debug", "info", "warn", "error").contains(level)) {
                throw new IllegalArgumentException("log level is debug, info, warn or error; got "
                        + level);
            }
            this.logLevel = level;
            return this;
        }

        /**
         * @param timeout how long the peer waits for sync-dependent conditions (rooms joined,
         *     members seen, messages decrypted) before it fails the command; default 30 s
         * @return this
         */
        public Builder waitTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("wait timeout must be positive; got " + timeout);
            }
            this.waitTimeout = timeout;
            return this;
        }

        /**
         * Installs the peer if need be and starts it.
         *
         * @return the running peer
         * @throws JsPeerUnavailableException if Node.js or npm is missing or too old
         */
        public JsPeer start() {
            Path dir = logDir != null ? logDir : Path.of(System.getProperty("mxj.jspeer.logDir",
                    Path.of(System.getProperty("java.io.tmpdir"), "mxj-jspeer").toString()));
            Path logFile = dir.resolve(name + "-" + ProcessHandle.current().pid() + "-"
                    + COUNT.incrementAndGet() + ".log");
            return new JsPeer(JsPeerProcess.start(name, logFile, logLevel), waitTimeout);
        }
    }
}
