package dev.mxj.bench;

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

/** Runs a matrix-js-sdk script from bench/js under Node and collects its {@code RESULT} lines. */
public final class JsPeer {
    private JsPeer() {
    }

    /** Installs bench/js's npm dependencies if they are missing. */
    public static void ensureInstalled(Path jsDir) throws IOException, InterruptedException {
        if (Files.isDirectory(jsDir.resolve("node_modules/matrix-js-sdk"))) {
            return;
        }
        run(jsDir, List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
    }

    /** Runs {@code node script args...} in {@code jsDir}; returns RESULT name → value. */
    public static Map<String, Double> results(Path jsDir, String script, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Map<String, Double> results = new LinkedHashMap<>();
        for (String line : run(jsDir, command, 900)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3 && parts[0].equals("RESULT")) {
                results.put(parts[1], Double.parseDouble(parts[2]));
            }
        }
        return results;
    }

    private static List<String> run(Path dir, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n"
                    + String.join("\n", lines));
        }
        return lines;
    }
}
