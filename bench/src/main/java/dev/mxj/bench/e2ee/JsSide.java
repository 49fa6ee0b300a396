package dev.mxj.bench.e2ee;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs bench/js/e2ee-bench.mjs (matrix-js-sdk's Rust crypto, the same workloads as
 * {@link MxjSide}) in a new Node process and collects its {@code SAMPLE} lines.
 */
final class JsSide {
    private static final int TIMEOUT_SECONDS = 1800;

    private final Path jsDir;
    private String versions = "matrix-sdk-crypto-wasm (version not reported)";

    JsSide(Path jsDir) {
        this.jsDir = jsDir;
    }

    /** The versions the script reported (wasm package, matrix-sdk-crypto, vodozemac, Node). */
    String versions() {
        return versions;
    }

    /** One process: {@code warmup} + {@code rounds} rounds; the measured samples by workload. */
    Map<String, List<Timer.Sample>> run(int rounds, int warmup, int devices, int events, int perSession)
            throws IOException, InterruptedException {
        List<String> command = List.of("node", "e2ee-bench.mjs", "--rounds", Integer.toString(rounds),
                "--warmup", Integer.toString(warmup), "--devices", Integer.toString(devices),
                "--events", Integer.toString(events), "--per-session", Integer.toString(perSession));
        Process process = new ProcessBuilder(command).directory(jsDir.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
                    + String.join("\n", lines));
        }
        Map<String, List<Timer.Sample>> samples = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 4 && parts[0].equals("SAMPLE")) {
                samples.computeIfAbsent(parts[1], k -> new ArrayList<>())
                        .add(new Timer.Sample(Double.parseDouble(parts[2]), Double.parseDouble(parts[3])));
            } else if (line.startsWith("INFO ")) {
                versions = line.substring("INFO ".length());
            }
        }
        if (samples.size() != 3) {
            throw new IOException("e2ee-bench.mjs printed no samples:\n" + String.join("\n", lines));
        }
        return samples;
    }
}
