package dev.mxj.testkit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running {@code node peer.mjs} process and its line protocol: requests with ids written to
 * stdin, replies matched by id from stdout, stderr copied into a log file and kept as a tail for
 * error messages. Calls from several threads may be outstanding at once.
 */
final class JsPeerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsPeerProcess.class);
    private static final int TAIL_LINES = 40;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Writer stdin;
    private final Writer log;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Map<String, Object>> ready = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private volatile String who;
    private volatile boolean closing;

    private JsPeerProcess(String name, Process process, Path logFile, Writer log) {
        this.name = name;
        this.who = "js peer '" + name + "'";
        this.process = process;
        this.logFile = logFile;
        this.log = log;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(),
                StandardCharsets.UTF_8));
        this.stdoutReader = daemon(this::readReplies, "mxj-jspeer-" + name + "-out");
        this.stderrReader = daemon(this::readLog, "mxj-jspeer-" + name + "-err");
    }

    /** Starts node on the installed peer and waits for its ready line. */
    static JsPeerProcess start(String name, Path logFile, String logLevel) {
        Path entry = JsPeerInstall.entry();
        Writer log;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JsPeerException("cannot create the js peer's log file " + logFile, e);
        }
        ProcessBuilder builder = new ProcessBuilder("node", entry.getFileName().toString())
                .directory(entry.getParent().toFile());
        builder.environment().put("MXJ_JSPEER_NAME", name);
        builder.environment().put("MXJ_JSPEER_LOG", logLevel);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            closeQuietly(log);
            throw new JsPeerUnavailableException("cannot start 'node' for the js peer: "
                    + e.getMessage(), e);
        }
        JsPeerProcess peer = new JsPeerProcess(name, process, logFile, log);
        peer.stdoutReader.start();
        peer.stderrReader.start();
        try {
            peer.ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            peer.kill();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new JsPeerException(JsPeerException.FAILED, null, peer.describe("start",
                    "did not get ready within " + READY_TIMEOUT.toSeconds() + " s"
                    + (e instanceof ExecutionException ee ? ": " + ee.getCause().getMessage() : "")));
        }
        LOG.debug("{} started (pid {}), logging to {}", peer.who, process.pid(), logFile);
        return peer;
    }

    /** Names the peer in messages after login, such as {@code js peer 'bob' (@bob:localhost/BOBJS)}. */
    void identify(String userId, String deviceId) {
        who = "js peer '" + name + "' (" + userId + "/" + deviceId + ")";
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends one command and waits for its reply.
     *
     * @param answerTimeout how long to wait for the reply before giving up
     * @return the reply's {@code result}
     * @throws JsPeerException with the peer's error, or on timeout or a dead peer
     */
    Map<String, Object> call(String command, Map<String, Object> args, Duration answerTimeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Map<String, Object> request = new LinkedHashMap<>(args);
        request.put("id", id);
        request.put("cmd", command);
        try {
            if (!process.isAlive()) {
                throw new IOException("the process has exited with " + process.exitValue());
            }
            synchronized (stdin) {
                stdin.write(Json.write(request));
                stdin.write('\n');
                stdin.flush();
            }
            Map<String, Object> answer = reply.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (Json.bool(answer, "ok")) {
                return answer.get("result") instanceof Map<?, ?> ? Json.object(answer, "result") : Map.of();
            }
            Map<String, Object> error = Json.object(answer, "error");
            String kind = Json.optionalString(error, "kind").orElse(JsPeerException.FAILED);
            Optional<String> errcode = Json.optionalString(error, "errcode");
            throw new JsPeerException(kind, errcode.orElse(null), describe(command, kind + ": "
                    + Json.optionalString(error, "message").orElse("(no message)")));
        } catch (IOException e) {
            throw new JsPeerException(JsPeerException.FAILED, null, describe(command,
                    "could not be sent: " + e.getMessage()));
        } catch (TimeoutException e) {
            throw new JsPeerException(JsPeerException.TIMEOUT, null, describe(command,
                    "got no answer within " + answerTimeout.toMillis() + " ms"));
        } catch (ExecutionException e) {
            throw new JsPeerException(JsPeerException.FAILED, null, describe(command,
                    e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JsPeerException(JsPeerException.FAILED, null, describe(command,
                    "was interrupted"));
        } finally {
            pending.remove(id);
        }
    }

    /** {@code <who>: <command> <what>}, then the last lines of the peer's log. */
    String describe(String command, String what) {
        StringBuilder text = new StringBuilder(who).append(": ").append(command).append(' ')
                .append(what).append("\n--- last lines of its log (").append(logFile).append("):");
        synchronized (tail) {
            tail.forEach(line -> text.append('\n').append(line));
        }
        return text.toString();
    }

    /** Closes stdin (the peer exits on end of input), then kills it if it lingers. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(stdin);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
            stderrReader.join(2000);
            stdoutReader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        synchronized (log) {
            closeQuietly(log);
        }
        LOG.debug("{} closed", who);
    }

    /** Waits up to {@code timeout} for the process to exit by itself. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void kill() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void readReplies() {
        try (BufferedReader reader = reader(process.getInputStream())) {
            for (String line; (line = reader.readLine()) != null; ) {
                Optional<Map<String, Object>> message = Json.parse(line);
                if (message.isEmpty()) {
                    remember("(stdout, not a reply) " + line);
                } else if (message.get().containsKey("ready")) {
                    ready.complete(message.get());
                } else if (message.get().get("id") instanceof Number id) {
                    CompletableFuture<Map<String, Object>> reply = pending.get(id.longValue());
                    if (reply != null) {
                        reply.complete(message.get());
                    }
                } else {
                    remember("(stdout, no id) " + line);
                }
            }
        } catch (IOException e) {
            remember("(reading stdout failed: " + e.getMessage() + ")");
        }
        exited();
    }

    /** Fails whatever still waits, once stdout is closed: the process is gone. */
    private void exited() {
        String status;
        try {
            status = process.waitFor(2, TimeUnit.SECONDS) ? "exited with " + process.exitValue()
                    : "closed its output";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "closed its output";
        }
        if (!closing) {
            LOG.debug("{} {}", who, status);
        }
        JsPeerException gone = new JsPeerException(JsPeerException.FAILED, null,
                "failed: the peer process " + status);
        ready.completeExceptionally(gone);
        pending.values().forEach(reply -> reply.completeExceptionally(gone));
    }

    private void readLog() {
        try (BufferedReader reader = reader(process.getErrorStream())) {
            for (String line; (line = reader.readLine()) != null; ) {
                remember(line);
                synchronized (log) {
                    try {
                        log.write(line);
                        log.write('\n');
                        log.flush();
                    } catch (IOException e) {
                        // closed after the process was killed; the tail keeps the line
                    }
                }
            }
        } catch (IOException e) {
            remember("(reading stderr failed: " + e.getMessage() + ")");
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static Thread daemon(Runnable body, String threadName) {
        Thread thread = new Thread(body, threadName);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Writer writer) {
        try {
            writer.close();
        } catch (IOException e) {
            // the process is gone; nothing to tell
        }
    }
}
