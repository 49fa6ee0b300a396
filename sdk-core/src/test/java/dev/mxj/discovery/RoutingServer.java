package dev.mxj.discovery;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A MockWebServer that answers by path, for flows of several requests (well-known, then
 * {@code /versions}, then the identity server). Unrouted paths answer a bare HTTP 404.
 */
final class RoutingServer implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private RoutingServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                MockResponse response = routes.get(request.getUrl().encodedPath());
                return response != null ? response : new MockResponse.Builder().code(404).build();
            }
        });
    }

    static RoutingServer start() {
        RoutingServer routing = new RoutingServer();
        try {
            routing.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routing;
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    URI url() {
        String s = server.url("/").toString();
        return URI.create(s.substring(0, s.length() - 1));
    }

    String host() {
        return server.getHostName();
    }

    int port() {
        return server.getPort();
    }

    RoutingServer json(String path, int status, String body) {
        return route(path, new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(body).build());
    }

    RoutingServer ok(String path, String body) {
        return json(path, 200, body);
    }

    RoutingServer route(String path, MockResponse response) {
        routes.put(path, response);
        return this;
    }

    /** The paths requested so far, in order. */
    List<String> paths() {
        return requests.stream().map(r -> r.getUrl().encodedPath()).toList();
    }

    long hits(String path) {
        return paths().stream().filter(path::equals).count();
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.close();
    }
}
