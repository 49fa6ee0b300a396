package dev.mxj.bench.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The other processes of the crypto benchmark: the Python peers of sdk-crypto's cross-checks (in
 * their {@code bench} mode) and the C harness, each run to completion, one at a time, with its
 * {@code BATCH} lines collected.
 */
final class Peers {
    private static final int TIMEOUT_SECONDS = 300;

    private Peers() {
    }

    /**
     * A Python implementation.
     *
     * @param name          as in the RESULT names: {@code pyolm}, {@code vodozemac}
     * @param python        the interpreter that imports it
     * @param script        its peer script in sdk-crypto/src/test/python
     * @param versionProbe  Python code printing the library's version
     * @param installAdvice what to run when it is missing
     */
    record Peer(String name, Path python, Path script, String versionProbe, String installAdvice) {
        /** The library's version; fails with the install advice if it cannot be imported. */
        String version() throws IOException, InterruptedException {
            if (!Files.isExecutable(python)) {
                throw new IllegalStateException(name + ": " + python + " does not exist. Install it: " + installAdvice);
            }
            Run run = Peers.run(List.of(python.toString(), "-c", versionProbe), script.getParent());
            if (run.status() != 0) {
                throw new IllegalStateException(name + " cannot be imported by " + python + " ("
                        + String.join(" ", run.lines()) + "). Install it: " + installAdvice);
            }
            return run.lines().get(run.lines().size() - 1).trim();
        }

        /** Runs the peer's bench mode; returns each workload's batch rates. */
        Map<String, List<Double>> bench(List<String> options) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(python.toString(), "-B", script.toString(), "bench"));
            command.addAll(options);
            return batches(runChecked(command, script.getParent()));
        }
    }

    static Peer pyolm(Path repo) {
        return new Peer("pyolm", Path.of("/usr/bin/python3"), repo.resolve("sdk-crypto/src/test/python/pyolm_peer.py"),
                "from olm.__version__ import __version__; print(__version__)",
                "apt-get install python3-olm");
    }

    /** {@code ${MXJ_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/mxj}/pyvenv}, as scripts/setup creates it. */
    static Peer vodozemac(Path repo) {
        String cache = System.getenv("MXJ_CACHE_DIR");
        Path venv;
        if (cache != null && !cache.isBlank()) {
            venv = Path.of(cache, "pyvenv");
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            venv = base.resolve("mxj").resolve("pyvenv");
        }
        return new Peer("vodozemac", venv.resolve("bin/python"), repo.resolve("sdk-crypto/src/test/python/vodozemac_peer.py"),
                "import vodozemac; from importlib.metadata import version; print(version('vodozemac'))",
                "scripts/setup (it creates " + venv + " and pip-installs the pinned vodozemac)");
    }

    /** Compiles the C harness against the system's libolm into a temporary directory. */
    static Path compileC(Path source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mxj-crypto-bench");
        dir.toFile().deleteOnExit(); // registered first, so deleted last, once empty
        Path binary = dir.resolve("megolm_bench");
        binary.toFile().deleteOnExit();
        Run run = run(List.of("gcc", "-O2", "-std=c11", "-Wall", "-Wextra", "-o", binary.toString(),
                source.toString(), "-lolm"), dir);
        if (run.status() != 0) {
            throw new IllegalStateException("gcc could not build " + source + " (needs gcc and libolm-dev):\n"
                    + String.join("\n", run.lines()));
        }
        return binary;
    }

    /** Runs a command to completion and returns its output, failing on a non-zero exit. */
    static List<String> runChecked(List<String> command, Path dir) throws IOException, InterruptedException {
        Run run = run(command, dir);
        if (run.status() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + run.status() + "):\n"
                    + String.join("\n", run.lines()));
        }
        return run.lines();
    }

    /** The rates of the "BATCH <workload> <ops/s>" lines (C harness, Python peers), by workload. */
    static Map<String, List<Double>> batches(List<String> lines) {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && parts[0].equals("BATCH")) {
                rates.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
            }
        }
        if (rates.isEmpty()) {
            throw new IllegalStateException("no BATCH lines in:\n" + String.join("\n", lines));
        }
        return rates;
    }

    /** The 1-minute load average (other work on the machine skews every figure). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The processor's model name, as lscpu shows it. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    record Run(int status, List<String> lines) {
    }

    private static Run run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), lines);
    }
}
