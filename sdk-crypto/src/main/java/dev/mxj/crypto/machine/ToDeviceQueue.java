package dev.mxj.crypto.machine;

import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.PendingRequest;
import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * To-device requests waiting to be sent. They are saved in the store with the state change that
 * made them (an Olm ratchet step, a shared room key), so a crash never loses one: after a restart
 * they are offered again with the same transaction id.
 */
final class ToDeviceQueue {
    static final String KIND = "to_device";
    /** The most messages one request carries. */
    static final int CHUNK = 250;

    private final Context ctx;
    private final Map<String, PendingRequest> pending = new LinkedHashMap<>();

    ToDeviceQueue(Context ctx) {
        this.ctx = ctx;
        for (PendingRequest r : ctx.store.pendingRequests()) {
            if (KIND.equals(r.kind())) {
                pending.put(r.id(), r);
            }
        }
    }

    /** One message for one device (or {@code *}) of one user. */
    record Message(String userId, String deviceId, Map<String, Object> content) {
    }

    /** Queues {@code messages} of {@code eventType}, at most {@link #CHUNK} per request; returns the requests. */
    List<OutgoingRequest.ToDevice> add(String eventType, List<Message> messages, CryptoChanges.Builder changes) {
        List<OutgoingRequest.ToDevice> out = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += CHUNK) {
            Map<String, Object> byUser = Json.obj();
            for (Message m : messages.subList(from, Math.min(messages.size(), from + CHUNK))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> byDevice = (Map<String, Object>) byUser.computeIfAbsent(m.userId(),
                        u -> Json.obj());
                byDevice.put(m.deviceId(), m.content());
            }
            PendingRequest request = new PendingRequest(Context.newId(), KIND, eventType,
                    Json.write(Json.obj("messages", byUser)), ctx.now());
            pending.put(request.id(), request);
            changes.addRequest(request);
            out.add(toRequest(request));
        }
        return out;
    }

    List<OutgoingRequest.ToDevice> requests() {
        return pending.values().stream().map(ToDeviceQueue::toRequest).toList();
    }

    boolean contains(String id) {
        return pending.containsKey(id);
    }

    void remove(String id, CryptoChanges.Builder changes) {
        pending.remove(id);
        changes.removeRequest(id);
    }

    private static OutgoingRequest.ToDevice toRequest(PendingRequest r) {
        return new OutgoingRequest.ToDevice(r.id(), r.eventType(), RawJson.parse(r.body()));
    }
}
