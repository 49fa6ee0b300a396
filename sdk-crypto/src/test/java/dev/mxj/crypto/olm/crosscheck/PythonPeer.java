package dev.mxj.crypto.olm.crosscheck;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived Python process holding another Olm implementation, driven over stdin/stdout with
 * one JSON object per line (the protocol is described in {@code src/test/python/peer_common.py}).
 * Library objects stay in the peer and are named by handle; keys, messages and plaintexts cross
 * as base64, so every check compares real values produced on both sides.
 *
 * <p>A missing peer fails the test class when the environment variable {@code CI} is set, and
 * skips it (a JUnit assumption) otherwise; both say what to install.
 */
final class PythonPeer implements AutoCloseable {
    /** How long one answer may take; generous for a loaded 2-core CI machine. */
    private static final long ANSWER_SECONDS = 60;
    /** A line the reader thread puts on the queue when the peer closes its stdout. */
    private static final String EOF = "\u0000eof";

    /**
     * Where a peer lives and how to install it.
     *
     * @param name          what the messages call it, e.g. {@code vodozemac}
     * @param python        the interpreter that can import the library
     * @param script        the peer script under {@code src/test/python}
     * @param installAdvice the commands that install the library, for the skip or failure message
     */
    record Spec(String name, Path python, Path script, String installAdvice) {
    }

    private final Spec spec;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path stderr;
    private PythonPeer(Spec spec, Process process, Path stderr) {
        this.spec = spec;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stderr = stderr;
    }

    /** The directory of the peer scripts, from Surefire's {@code basedir} (the module directory). */
    static Path scriptDir() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/python").toAbsolutePath();
    }

    /**
     * Starts the peer and reads its greeting. If the interpreter or the library is missing, fails
     * (under CI) or aborts the calling test class as skipped (elsewhere), naming what to install.
     */
    static PythonPeer start(Spec spec) {
        if (!Files.isExecutable(spec.python())) {
            missing(spec, spec.python() + " does not exist");
        }
        Path stderr;
        try {
            stderr = Files.createTempFile("mxj-" + spec.name() + "-peer", ".stderr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process process;
        try {
            process = new ProcessBuilder(spec.python().toString(), "-u", "-B", spec.script().toString())
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            missing(spec, "cannot start " + spec.python() + ": " + e.getMessage());
            throw new AssertionError(e); // not reached: missing() always throws
        }
        PythonPeer peer = new PythonPeer(spec, process, stderr);
        Thread reader = new Thread(peer::pump, "peer-" + spec.name());
        reader.setDaemon(true);
        reader.start();
        Reply greeting = peer.read();
        if (!greeting.ok()) {
            String why = greeting.has("unavailable") ? greeting.str("unavailable") : greeting.error();
            peer.close();
            missing(spec, why);
        }
        System.out.printf("cross-check peer: %s %s (%s)%n", greeting.str("impl"), greeting.str("version"), spec.python());
        return peer;
    }

    /**
     * Sends {@code op} with arguments given as name, value pairs and returns the answer, which
     * must be {@code ok}; a failure on the peer's side fails the test with its error.
     */
    Reply call(String op, Object... arguments) {
        Reply reply = attempt(op, arguments);
        if (!reply.ok()) {
            Assertions.fail(spec.name() + " refused " + op + ": " + reply.error());
        }
        return reply;
    }

    /** Like {@link #call} but returns a refusal as a reply, for checks that expect one. */
    Reply attempt(String op, Object... arguments) {
        if (arguments.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in name, value pairs");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", op);
        for (int i = 0; i < arguments.length; i += 2) {
            request.put((String) arguments[i], arguments[i + 1]);
        }
        try {
            stdin.write(Json.write(request));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            Assertions.fail(spec.name() + " peer is gone (" + e.getMessage() + ")" + stderrTail());
        }
        return read();
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(stderr);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temporary file we could not delete
        }
    }

    private Reply read() {
        String line;
        try {
            line = lines.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + spec.name(), e);
        }
        if (line == null) {
            process.destroyForcibly();
            Assertions.fail(spec.name() + " peer did not answer within " + ANSWER_SECONDS + " s" + stderrTail());
        }
        if (line.equals(EOF)) {
            Assertions.fail(spec.name() + " peer exited" + exitCode() + stderrTail());
        }
        return new Reply(Json.parseObject(line));
    }

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process went away; EOF below says so
        }
        lines.add(EOF);
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? " with status " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String stderrTail() {
        try {
            String text = Files.readString(stderr, StandardCharsets.UTF_8);
            return text.isBlank() ? "" : "; its stderr ends:\n" + text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "";
        }
    }

    private static void missing(Spec spec, String why) {
        String message = spec.name() + " is not available for the cross-implementation checks: " + why
                + ". Install it: " + spec.installAdvice() + " (scripts/setup does this).";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail("CI is set, so this check may not be skipped. " + message);
        }
        Assumptions.abort(message);
    }
}
