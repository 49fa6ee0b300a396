package dev.mxj.bench.e2ee;

import dev.mxj.event.ToDeviceEvent;
import dev.mxj.event.UnknownContent;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key and to-device endpoints of a homeserver, in memory, answering mxj's machines in
 * {@link E2eeBench} (bench/js/e2ee-keyserver.mjs answers matrix-js-sdk's the same way). Request
 * and response bodies are JSON text, as over HTTP. Each one-time key is handed out once, then the
 * fallback key. Keys are kept as uploaded: checking signatures is the clients' work.
 */
final class KeyServer {
    /** user → device → the uploaded {@code device_keys} object (as a parsed tree). */
    private final Map<String, Map<String, Object>> deviceKeys = new LinkedHashMap<>();
    private final Map<String, Deque<Map.Entry<String, Object>>> oneTimeKeys = new HashMap<>();
    private final Map<String, Map<String, Object>> fallbackKeys = new HashMap<>();
    private final Map<String, List<ToDeviceEvent>> inboxes = new HashMap<>();

    private static String key(String user, String device) {
        return user + "|" + device;
    }

    /** {@code POST /keys/upload} by {@code user}'s {@code device}; the response text. */
    String upload(String user, String device, String bodyText) {
        RawJson body = RawJson.parse(bodyText);
        body.object("device_keys").ifPresent(keys -> deviceKeys.computeIfAbsent(user, u -> new LinkedHashMap<>())
                .put(device, keys.tree()));
        Deque<Map.Entry<String, Object>> keys = oneTimeKeys.computeIfAbsent(key(user, device), k -> new ArrayDeque<>());
        body.object("one_time_keys").ifPresent(otks -> {
            for (String id : otks.keys()) {
                keys.add(Map.entry(id, otks.object(id).orElseThrow().tree()));
            }
        });
        body.object("fallback_keys").ifPresent(fallback -> {
            for (String id : fallback.keys()) {
                fallbackKeys.put(key(user, device), Map.of(id, fallback.object(id).orElseThrow().tree()));
            }
        });
        return write(Map.of("one_time_key_counts", Map.of("signed_curve25519", (long) keys.size())));
    }

    /** {@code POST /keys/query}; the response text. */
    String query(String bodyText) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String user : RawJson.parse(bodyText).object("device_keys").orElseThrow().keys()) {
            out.put(user, deviceKeys.getOrDefault(user, Map.of()));
        }
        return write(Map.of("device_keys", out, "failures", Map.of()));
    }

    /** {@code POST /keys/claim}; the response text. */
    String claim(String bodyText) {
        RawJson wanted = RawJson.parse(bodyText).object("one_time_keys").orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String user : wanted.keys()) {
            Map<String, Object> perUser = new LinkedHashMap<>();
            for (String device : wanted.object(user).orElseThrow().keys()) {
                Deque<Map.Entry<String, Object>> keys = oneTimeKeys.getOrDefault(key(user, device), new ArrayDeque<>());
                if (!keys.isEmpty()) {
                    Map.Entry<String, Object> otk = keys.removeFirst();
                    perUser.put(device, Map.of(otk.getKey(), otk.getValue()));
                } else if (fallbackKeys.containsKey(key(user, device))) {
                    perUser.put(device, fallbackKeys.get(key(user, device)));
                }
            }
            out.put(user, perUser);
        }
        return write(Map.of("one_time_keys", out, "failures", Map.of()));
    }

    /** {@code PUT /sendToDevice/{eventType}/{txnId}} by {@code sender}; the response text. */
    String toDevice(String sender, String eventType, String bodyText) {
        RawJson messages = RawJson.parse(bodyText).object("messages").orElseThrow();
        for (String user : messages.keys()) {
            RawJson devices = messages.object(user).orElseThrow();
            for (String device : devices.keys()) {
                List<String> targets = device.equals("*")
                        ? List.copyOf(deviceKeys.getOrDefault(user, Map.of()).keySet()) : List.of(device);
                Object content = devices.object(device).orElseThrow().tree();
                for (String target : targets) {
                    RawJson raw = RawJson.ofTree(Map.of("type", eventType, "sender", sender, "content", content));
                    inboxes.computeIfAbsent(key(user, target), k -> new ArrayList<>()).add(new ToDeviceEvent(eventType,
                            UserId.of(sender), new UnknownContent(eventType, raw.object("content").orElseThrow()), raw));
                }
            }
        }
        return "{}";
    }

    /** Takes the to-device events waiting for a device. */
    List<ToDeviceEvent> takeInbox(String user, String device) {
        List<ToDeviceEvent> events = inboxes.remove(key(user, device));
        return events == null ? List.of() : events;
    }

    /** How many one-time keys of a device are left to claim. */
    long oneTimeKeyCount(String user, String device) {
        return oneTimeKeys.getOrDefault(key(user, device), new ArrayDeque<>()).size();
    }

    private static String write(Object tree) {
        return RawJson.ofTree(tree).json();
    }
}
