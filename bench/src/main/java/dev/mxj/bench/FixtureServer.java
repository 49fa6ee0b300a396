package dev.mxj.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback homeserver stand-in that serves a {@link SyncFixture}: the initial {@code /sync}, then
 * one incremental sync per request, plus the few endpoints clients call on start. The same bytes go
 * to every client measured, so mxj and matrix-js-sdk ingest exactly the same response.
 */
public final class FixtureServer implements AutoCloseable {
    private final HttpServer server;
    private final byte[] initial;
    private final SyncFixture fixture;
    private final AtomicInteger incremental = new AtomicInteger();

    static {
        // The JDK server otherwise leaves Nagle on: each small response then waits ~40 ms for the
        // client's delayed ACK, which would be measured as mxj's latency. Read when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FixtureServer(SyncFixture fixture) throws IOException {
        this.fixture = fixture;
        this.initial = fixture.initialSync();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fixture-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int initialSyncBytes() {
        return initial.length;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.endsWith("/sync")) {
                boolean first = query == null || !query.contains("since=");
                if (first) {
                    send(exchange, 200, initial);
                } else {
                    int n = incremental.getAndIncrement();
                    send(exchange, 200, fixture.incrementalSync(n, n % fixture.rooms()));
                }
            } else if (path.endsWith("/versions")) {
                send(exchange, 200, "{\"versions\":[\"v1.1\",\"v1.2\",\"v1.3\",\"v1.4\",\"v1.5\",\"v1.6\"]}");
            } else if (path.contains("/filter")) {
                send(exchange, 200, "{\"filter_id\":\"1\"}");
            } else if (path.endsWith("/pushrules/")) {
                send(exchange, 200, "{\"global\":{}}");
            } else if (path.endsWith("/capabilities")) {
                send(exchange, 200, "{\"capabilities\":{}}");
            } else if (path.endsWith("/account/whoami")) {
                send(exchange, 200, "{\"user_id\":\"" + SyncFixture.USER + "\",\"device_id\":\"BENCH\"}");
            } else if (path.endsWith("/keys/upload")) {
                send(exchange, 200, "{\"one_time_key_counts\":{}}");
            } else {
                send(exchange, 404, "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"not in the fixture\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
