package dev.mxj.media;

import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static dev.mxj.media.MediaMocks.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dendrite itself refusing an upload over its limit (10 MiB, {@code max_file_size_bytes}): it answers
 * HTTP 413 with {@code M_UNKNOWN}, which mxj reports as an {@link UploadTooLargeException}. The client
 * is kept from learning the limit first (its {@code /config} requests are answered 404 on the way),
 * as with a server that does not publish it, so the upload really reaches Dendrite.
 */
@ExtendWith(DendriteExtension.class)
class UploadRefusedIT {
    private static final long DENDRITE_LIMIT = 10 * 1024 * 1024;

    @Test
    void anUploadDendriteRefusesAsTooLargeIsTyped(Dendrite dendrite, TestUser alice) {
        AtomicLong configAsked = new AtomicLong();
        OkHttpClient noConfig = new OkHttpClient.Builder().addInterceptor(chain -> {
            String path = chain.request().url().encodedPath();
            if (path.contains("/media/") && path.endsWith("/config")) {
                configAsked.incrementAndGet();
                return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(404)
                        .message("Not Found").body(ResponseBody.create(
                                "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"Unrecognized request\"}",
                                MediaType.get("application/json"))).build();
            }
            return chain.proceed(chain.request());
        }).build();
        MemorySessionStore sessions = new MemorySessionStore();
        sessions.saveSession(Session.of(dendrite.baseUrl(), UserId.of(alice.userId()), DeviceId.of(alice.deviceId()),
                alice.accessToken()));
        try (MatrixClient client = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).sessionStore(sessions)
                .httpClient(noConfig).build()) {
            long size = DENDRITE_LIMIT + 1;
            UploadTooLargeException e = assertInstanceOf(UploadTooLargeException.class, failure(
                    client.media().upload(UploadRequest.of(zeros(size), size, "application/octet-stream"))));

            assertEquals(1, configAsked.get(), "the client asked for the limit and was not told");
            assertEquals(size, e.size());
            assertEquals(Optional.empty(), e.limit());
            MatrixApiException refusal = e.serverRefusal().orElseThrow();
            assertEquals(413, refusal.httpStatus(), refusal.getMessage());
            assertTrue(e.getMessage().contains("refused the upload of " + size + " bytes as too large"), e.getMessage());

            // A smaller upload goes through.
            long fits = 64 * 1024;
            assertEquals(dendrite.serverName(), client.media().upload(UploadRequest.of(zeros(fits), fits,
                    "application/octet-stream")).join().serverName().value());
        }
    }

    private static InputStream zeros(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
