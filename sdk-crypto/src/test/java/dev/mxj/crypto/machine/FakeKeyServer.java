package dev.mxj.crypto.machine;

import dev.mxj.event.ToDeviceEvent;
import dev.mxj.event.UnknownContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key and to-device endpoints of a homeserver, in memory, as the spec describes them: what
 * the machines' requests are answered with in these tests. Keeps the uploaded device keys as
 * given (tests may tamper with them), hands out each one-time key once and the fallback key after
 * that, routes to-device messages to inboxes, and notes device list changes for every device.
 * Each change moves the stream position that sync tokens ({@link #token()}) name, so
 * {@code /keys/changes} can answer what changed between two tokens. Thread-safe: module tests call
 * it from the client transport's pool threads.
 */
final class FakeKeyServer {
    private final Map<UserId, Map<DeviceId, Map<String, Object>>> deviceKeys = new LinkedHashMap<>();
    private final Map<DeviceKey, LinkedHashMap<String, Object>> oneTimeKeys = new HashMap<>();
    private final Map<DeviceKey, Map<String, Object>> fallbackKeys = new HashMap<>();
    private final Set<DeviceKey> fallbackUsed = new LinkedHashSet<>();
    private final Map<DeviceKey, List<ToDeviceEvent>> inboxes = new HashMap<>();
    private final Map<DeviceKey, Set<UserId>> changed = new HashMap<>();
    private final Map<DeviceKey, Set<String>> seenTxnIds = new HashMap<>();
    final List<RawJson> uploads = new ArrayList<>();
    final List<RawJson> toDeviceBodies = new ArrayList<>();
    final List<OutgoingRequest.KeysChanges> changesAsked = new ArrayList<>();
    /** Device list changes in stream order: position i + 1 is entry i. */
    private final List<Change> changeLog = new ArrayList<>();
    private final Map<DeviceKey, Set<UserId>> left = new HashMap<>();

    private record Change(UserId user, boolean left) {
    }

    /** Answers {@code request} sent by {@code from}. */
    synchronized RawJson handle(DeviceKey from, OutgoingRequest request) {
        Map<String, Object> body = Json.asObject(request.body().tree()).orElseThrow();
        if (request instanceof OutgoingRequest.KeysUpload u) {
            return upload(from, u);
        } else if (request instanceof OutgoingRequest.KeysQuery) {
            return query(body);
        } else if (request instanceof OutgoingRequest.KeysClaim) {
            return claim(body);
        } else if (request instanceof OutgoingRequest.KeysChanges c) {
            return keysChanges(c);
        }
        return toDevice(from, (OutgoingRequest.ToDevice) request, body);
    }

    private RawJson upload(DeviceKey from, OutgoingRequest.KeysUpload request) {
        uploads.add(request.body());
        Map<String, Object> body = Json.asObject(request.body().tree()).orElseThrow();
        Json.asObject(body.get("device_keys")).ifPresent(keys -> {
            deviceKeys.computeIfAbsent(from.userId(), u -> new LinkedHashMap<>()).put(from.deviceId(),
                    new LinkedHashMap<>(keys));
            notifyChanged(from.userId());
        });
        LinkedHashMap<String, Object> otks = oneTimeKeys.computeIfAbsent(from, k -> new LinkedHashMap<>());
        Json.object(body, "one_time_keys").forEach((id, key) -> {
            Object old = otks.putIfAbsent(id, key);
            if (old != null && !old.equals(key)) {
                throw new IllegalStateException("one-time key " + id + " uploaded twice with different content");
            }
        });
        Json.object(body, "fallback_keys").forEach((id, key) -> {
            fallbackKeys.put(from, Json.obj(id, key));
            fallbackUsed.remove(from);
        });
        return counts(from);
    }

    private RawJson counts(DeviceKey device) {
        return Json.raw(Json.obj("one_time_key_counts", Json.obj("signed_curve25519",
                (long) oneTimeKeys.getOrDefault(device, new LinkedHashMap<>()).size())));
    }

    private RawJson query(Map<String, Object> body) {
        Map<String, Object> out = Json.obj();
        for (String user : Json.object(body, "device_keys").keySet()) {
            Map<String, Object> devices = Json.obj();
            deviceKeys.getOrDefault(UserId.of(user), Map.of()).forEach((id, keys) -> devices.put(id.value(), keys));
            out.put(user, devices);
        }
        return Json.raw(Json.obj("device_keys", out, "failures", Json.obj()));
    }

    private RawJson claim(Map<String, Object> body) {
        Map<String, Object> out = Json.obj();
        Json.object(body, "one_time_keys").forEach((user, devices) -> {
            Map<String, Object> perUser = Json.obj();
            Json.asObject(devices).orElseThrow().forEach((device, algorithm) -> {
                DeviceKey key = new DeviceKey(UserId.of(user), DeviceId.of(device));
                LinkedHashMap<String, Object> otks = oneTimeKeys.getOrDefault(key, new LinkedHashMap<>());
                if (!otks.isEmpty()) {
                    String id = otks.keySet().iterator().next();
                    perUser.put(device, Json.obj(id, otks.remove(id)));
                } else if (fallbackKeys.containsKey(key)) {
                    perUser.put(device, fallbackKeys.get(key));
                    fallbackUsed.add(key);
                }
            });
            out.put(user, perUser);
        });
        return Json.raw(Json.obj("one_time_keys", out, "failures", Json.obj()));
    }

    private RawJson toDevice(DeviceKey from, OutgoingRequest.ToDevice request, Map<String, Object> body) {
        if (!seenTxnIds.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(request.txnId())) {
            return RawJson.emptyObject(); // idempotent, as the spec requires
        }
        toDeviceBodies.add(request.body());
        Json.object(body, "messages").forEach((user, devices) -> Json.asObject(devices).orElseThrow()
                .forEach((device, content) -> {
                    UserId target = UserId.of(user);
                    List<DeviceId> targets = device.equals("*")
                            ? List.copyOf(deviceKeys.getOrDefault(target, Map.of()).keySet())
                            : List.of(DeviceId.of(device));
                    for (DeviceId d : targets) {
                        deliver(new DeviceKey(target, d), request.eventType(), from.userId(), content);
                    }
                }));
        return RawJson.emptyObject();
    }

    /** The sync token of the current stream position, as a sync now would give it. */
    synchronized String token() {
        return "s" + changeLog.size();
    }

    private RawJson keysChanges(OutgoingRequest.KeysChanges request) {
        changesAsked.add(request);
        int from = Integer.parseInt(request.from().substring(1));
        int to = Math.min(Integer.parseInt(request.to().substring(1)), changeLog.size());
        Set<String> changed = new LinkedHashSet<>();
        Set<String> gone = new LinkedHashSet<>();
        for (Change change : changeLog.subList(Math.min(from, to), to)) {
            (change.left() ? gone : changed).add(change.user().value());
        }
        changed.removeAll(gone);
        return Json.raw(Json.obj("changed", List.copyOf(changed), "left", List.copyOf(gone)));
    }

    /** {@code user} left every encrypted room shared with the others: their next sync lists them in {@code left}. */
    synchronized void userLeft(UserId user) {
        changeLog.add(new Change(user, true));
        for (Map<DeviceId, Map<String, Object>> devices : deviceKeys.values()) {
            for (DeviceId d : devices.keySet()) {
                left.computeIfAbsent(keyOf(devices, d), k -> new LinkedHashSet<>()).add(user);
            }
        }
    }

    /** Takes the users who left, as the device's next sync reports them. */
    synchronized Set<UserId> takeLeft(DeviceKey device) {
        Set<UserId> users = left.remove(device);
        return users == null ? Set.of() : users;
    }

    /** Puts a to-device event in a device's inbox. */
    synchronized void deliver(DeviceKey to, String type, UserId sender, Object content) {
        RawJson raw = Json.raw(Json.obj("type", type, "sender", sender.value(), "content", content));
        inboxes.computeIfAbsent(to, k -> new ArrayList<>()).add(new ToDeviceEvent(type, sender,
                new UnknownContent(type, raw.object("content").orElseThrow()), raw));
    }

    /** Takes the device's to-device inbox. */
    synchronized List<ToDeviceEvent> takeInbox(DeviceKey device) {
        List<ToDeviceEvent> events = inboxes.remove(device);
        return events == null ? List.of() : events;
    }

    /** Takes the users whose device lists changed, as the device's next sync reports them. */
    synchronized Set<UserId> takeChanged(DeviceKey device) {
        Set<UserId> users = changed.remove(device);
        return users == null ? Set.of() : users;
    }

    synchronized Map<String, Long> oneTimeKeyCounts(DeviceKey device) {
        return Map.of("signed_curve25519", (long) oneTimeKeys.getOrDefault(device, new LinkedHashMap<>()).size());
    }

    synchronized Optional<List<String>> unusedFallbackTypes(DeviceKey device) {
        return Optional.of(fallbackKeys.containsKey(device) && !fallbackUsed.contains(device)
                ? List.of("signed_curve25519") : List.of());
    }

    /** True once the device's key upload has been handled. */
    synchronized boolean hasDeviceKeys(UserId user, DeviceId device) {
        return deviceKeys.containsKey(user) && deviceKeys.get(user).containsKey(device);
    }

    /** The stored device keys of a device, to tamper with. */
    synchronized Map<String, Object> deviceKeys(UserId user, DeviceId device) {
        return deviceKeys.get(user).get(device);
    }

    /** Puts device keys under a user and device id as given (for forged entries). */
    synchronized void putDeviceKeys(UserId user, DeviceId device, Map<String, Object> keys) {
        deviceKeys.computeIfAbsent(user, u -> new LinkedHashMap<>()).put(device, keys);
        notifyChanged(user);
    }

    /** Removes a device (as a logout does). */
    synchronized void deleteDevice(UserId user, DeviceId device) {
        deviceKeys.getOrDefault(user, new LinkedHashMap<>()).remove(device);
        oneTimeKeys.remove(new DeviceKey(user, device));
        fallbackKeys.remove(new DeviceKey(user, device));
        notifyChanged(user);
    }

    /** Empties a device's one-time keys (and fallback key), so claims find nothing. */
    synchronized void exhaustKeys(UserId user, DeviceId device) {
        oneTimeKeys.remove(new DeviceKey(user, device));
        fallbackKeys.remove(new DeviceKey(user, device));
    }

    synchronized int oneTimeKeyCount(DeviceKey device) {
        return oneTimeKeys.getOrDefault(device, new LinkedHashMap<>()).size();
    }

    private void notifyChanged(UserId user) {
        changeLog.add(new Change(user, false));
        for (Map<DeviceId, Map<String, Object>> devices : deviceKeys.values()) {
            for (DeviceId d : devices.keySet()) {
                // every device of every user hears of it (they share rooms in these tests)
                changed.computeIfAbsent(keyOf(devices, d), k -> new LinkedHashSet<>()).add(user);
            }
        }
    }

    private DeviceKey keyOf(Map<DeviceId, Map<String, Object>> devices, DeviceId d) {
        Object user = devices.get(d).get("user_id");
        return new DeviceKey(UserId.of(String.valueOf(user)), d);
    }
}
