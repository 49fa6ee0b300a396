package dev.mxj.internal.http;

import okhttp3.OkHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** The OkHttpClient a client uses, counted across {@code newBuilder()} copies. */
public final class HttpClients {
    /** Connect timeout of the default client. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Read timeout of the default client; long polls set their own per request. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final OkHttpClient client;
    private final boolean owned;
    private final AtomicInteger users = new AtomicInteger(1);

    private HttpClients(OkHttpClient client, boolean owned) {
        this.client = client;
        this.owned = owned;
    }

    /** mxj's own client. OkHttp's silent connection retries are off: retries happen in one place. */
    public static HttpClients createDefault() {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(false)
                .build();
        return new HttpClients(client, true);
    }

    /** A client the application passed in; it stays the application's to shut down. */
    public static HttpClients of(OkHttpClient client) {
        return new HttpClients(client, false);
    }

    public OkHttpClient client() {
        return client;
    }

    /** Another MatrixClient shares this one. */
    public HttpClients share() {
        users.incrementAndGet();
        return this;
    }

    /** A MatrixClient is done with it; the last one out frees an owned client's threads and sockets. */
    public void release() {
        if (users.decrementAndGet() == 0 && owned) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** {@code mxj/<version> (Java <version>; <os>)}. */
    public static String userAgent(String appSuffix) {
        String ua = "mxj/" + version() + " (Java " + System.getProperty("java.version") + "; "
                + System.getProperty("os.name") + ")";
        return appSuffix == null || appSuffix.isBlank() ? ua : ua + " " + appSuffix;
    }

    public static String version() {
        try (InputStream in = HttpClients.class.getResourceAsStream("/dev/mxj/mxj-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
