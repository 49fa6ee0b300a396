package dev.mxj.testing;

import dev.mxj.internal.json.JsonTree;
import dev.mxj.json.RawJson;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw Client-Server calls that tests make to produce events on a real homeserver, as one user:
 * rooms, membership, messages, state, typing, receipts, account data, to-device, presence, device
 * keys. A test helper until mxj has its own room API; it fails fast on any non-2xx answer and
 * never prints the access token.
 */
public final class RawClient {
    private static final AtomicLong TXN = new AtomicLong(System.nanoTime());
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(30)).build();
    private static final MediaType JSON = MediaType.get("application/json");

    private final URI baseUrl;
    private final String userId;
    private final String accessToken;

    public RawClient(URI baseUrl, String userId, String accessToken) {
        this.baseUrl = baseUrl;
        this.userId = userId;
        this.accessToken = accessToken;
    }

    public String userId() {
        return userId;
    }

    /** Creates a room; {@code options} is the {@code /createRoom} body. Returns the room ID. */
    public String createRoom(Map<String, Object> options) {
        return call("POST", "/createRoom", options).string("room_id").orElseThrow();
    }

    public void invite(String roomId, String user) {
        call("POST", "/rooms/" + enc(roomId) + "/invite", Map.of("user_id", user));
    }

    public void join(String roomId) {
        call("POST", "/join/" + enc(roomId), Map.of());
    }

    public void leave(String roomId) {
        call("POST", "/rooms/" + enc(roomId) + "/leave", Map.of());
    }

    /** Sends a text message; returns its event ID. */
    public String send(String roomId, String body) {
        return sendEvent(roomId, "m.room.message", Map.of("msgtype", "m.text", "body", body));
    }

    public String sendEvent(String roomId, String type, Map<String, Object> content) {
        return call("PUT", "/rooms/" + enc(roomId) + "/send/" + enc(type) + "/" + TXN.incrementAndGet(), content)
                .string("event_id").orElseThrow();
    }

    public String sendState(String roomId, String type, String stateKey, Map<String, Object> content) {
        return call("PUT", "/rooms/" + enc(roomId) + "/state/" + enc(type) + "/" + enc(stateKey), content)
                .string("event_id").orElseThrow();
    }

    public void typing(String roomId, boolean typing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("typing", typing);
        if (typing) {
            body.put("timeout", 30_000L);
        }
        call("PUT", "/rooms/" + enc(roomId) + "/typing/" + enc(userId), body);
    }

    /** Sends a receipt; {@code threadId} may be null for an unthreaded one. */
    public void receipt(String roomId, String receiptType, String eventId, String threadId) {
        call("POST", "/rooms/" + enc(roomId) + "/receipt/" + enc(receiptType) + "/" + enc(eventId),
                threadId == null ? Map.of() : Map.of("thread_id", threadId));
    }

    public void accountData(String type, Map<String, Object> content) {
        call("PUT", "/user/" + enc(userId) + "/account_data/" + enc(type), content);
    }

    public void roomAccountData(String roomId, String type, Map<String, Object> content) {
        call("PUT", "/user/" + enc(userId) + "/rooms/" + enc(roomId) + "/account_data/" + enc(type), content);
    }

    /** Sends one to-device event to one device of {@code user}. */
    public void sendToDevice(String type, String user, String deviceId, Map<String, Object> content) {
        call("PUT", "/sendToDevice/" + enc(type) + "/" + TXN.incrementAndGet(),
                Map.of("messages", Map.of(user, Map.of(deviceId, content))));
    }

    public void setPresence(String presence, String statusMsg) {
        call("PUT", "/presence/" + enc(userId) + "/status", Map.of("presence", presence, "status_msg", statusMsg));
    }

    /** Uploads fresh, correctly self-signed device keys for {@code deviceId}: a device-list change. */
    public void uploadDeviceKeys(String deviceId) {
        try {
            KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] encoded = ed.getPublic().getEncoded();
            String edKey = b64(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
            byte[] curve = new byte[32];
            new SecureRandom().nextBytes(curve);
            Map<String, Object> keys = new TreeMap<>();
            keys.put("user_id", userId);
            keys.put("device_id", deviceId);
            keys.put("algorithms", List.of("m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"));
            keys.put("keys", new TreeMap<>(Map.of("ed25519:" + deviceId, edKey, "curve25519:" + deviceId, b64(curve))));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(ed.getPrivate());
            signer.update(JsonTree.write(keys).getBytes(StandardCharsets.UTF_8));
            keys.put("signatures", Map.of(userId, Map.of("ed25519:" + deviceId, b64(signer.sign()))));
            call("POST", "/keys/upload", Map.of("device_keys", keys));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A GET under {@code /_matrix/client/v3} ({@code path} may carry a query); fails on any non-2xx status. */
    public RawJson get(String path) {
        return execute("GET", path, new Request.Builder().url(url(path)).get());
    }

    /** One call under {@code /_matrix/client/v3}; fails on any non-2xx status. */
    public RawJson call(String method, String path, Map<String, ?> body) {
        return execute(method, path, new Request.Builder().url(url(path))
                .method(method, RequestBody.create(JsonTree.write(body), JSON)));
    }

    private String url(String path) {
        return baseUrl.toString().replaceAll("/+$", "") + "/_matrix/client/v3" + path;
    }

    private RawJson execute(String method, String path, Request.Builder builder) {
        Request request = builder.header("Authorization", "Bearer " + accessToken).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IllegalStateException(method + " " + path + " failed: HTTP " + response.code() + " " + text);
            }
            return RawJson.parse(text);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }
}
