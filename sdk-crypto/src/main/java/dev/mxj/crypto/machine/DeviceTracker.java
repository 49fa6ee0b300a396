package dev.mxj.crypto.machine;

import dev.mxj.crypto.olm.IdentityKeys;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tracked users and their devices: which device lists are out of date ("dirty"), the
 * {@code /keys/query} that refreshes them, and the checks every returned device passes before
 * it is kept: its {@code user_id} and {@code device_id} are the ones asked for, it carries both
 * identity keys, its self-signature verifies, and a known device never changes its Ed25519 key.
 */
final class DeviceTracker {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceTracker.class);
    /** How long a user whose server failed to answer waits before being queried again. */
    private static final long FAILED_SERVER_BACKOFF_MS = 60_000;

    private final Context ctx;
    private final IdentityKeys ownKeys;
    private final Map<UserId, Boolean> tracked = new LinkedHashMap<>();
    /** Bumped on every markDirty, so a query answer does not clear a user dirtied while it ran. */
    private final Map<UserId, Long> generation = new HashMap<>();
    private final Map<UserId, Long> failedUntil = new HashMap<>();
    private Optional<InFlight> inFlight = Optional.empty();

    private record InFlight(OutgoingRequest.KeysQuery request, Map<UserId, Long> generations) {
    }

    DeviceTracker(Context ctx, IdentityKeys ownKeys) {
        this.ctx = ctx;
        this.ownKeys = ownKeys;
        tracked.putAll(ctx.store.trackedUsers());
    }

    Set<UserId> trackedUsers() {
        return Set.copyOf(tracked.keySet());
    }

    boolean isDirty(UserId user) {
        return tracked.getOrDefault(user, false);
    }

    /** Starts tracking the users not tracked yet; they are dirty until queried. */
    void track(Collection<UserId> users, CryptoChanges.Builder changes) {
        for (UserId user : users) {
            if (!tracked.containsKey(user)) {
                setDirty(user, true, changes);
            }
        }
    }

    /** Marks the tracked ones among {@code users} dirty. */
    void markDirty(Collection<UserId> users, CryptoChanges.Builder changes) {
        for (UserId user : users) {
            if (tracked.containsKey(user)) {
                setDirty(user, true, changes);
                failedUntil.remove(user);
            }
        }
    }

    /**
     * Stops tracking {@code users} (they share no encrypted room with us any more); never our own
     * user. Their devices stay known, so their old messages keep their sender. Tracking starts
     * again, dirty, when they become members of an encrypted room we send to.
     */
    void untrack(Collection<UserId> users, CryptoChanges.Builder changes) {
        for (UserId user : users) {
            if (!user.equals(ctx.userId) && tracked.remove(user) != null) {
                changes.untrackUser(user);
                generation.merge(user, 1L, Long::sum);
                failedUntil.remove(user);
            }
        }
    }

    void markAllDirty(CryptoChanges.Builder changes) {
        markDirty(List.copyOf(tracked.keySet()), changes);
    }

    private void setDirty(UserId user, boolean dirty, CryptoChanges.Builder changes) {
        tracked.put(user, dirty);
        changes.trackedUser(user, dirty);
        if (dirty) {
            generation.merge(user, 1L, Long::sum);
        }
    }

    /** The query in flight, or a new one for the dirty users, if any. */
    Optional<OutgoingRequest.KeysQuery> request() {
        if (inFlight.isPresent()) {
            return Optional.of(inFlight.get().request());
        }
        long now = ctx.now();
        Set<UserId> dirty = new LinkedHashSet<>();
        Map<UserId, Long> generations = new HashMap<>();
        tracked.forEach((user, isDirty) -> {
            if (isDirty && failedUntil.getOrDefault(user, 0L) <= now) {
                dirty.add(user);
                generations.put(user, generation.getOrDefault(user, 0L));
            }
        });
        if (dirty.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> users = Json.obj();
        dirty.forEach(u -> users.put(u.value(), List.of()));
        OutgoingRequest.KeysQuery query = new OutgoingRequest.KeysQuery(Context.newId(), dirty,
                Json.raw(Json.obj("device_keys", users, "timeout", 10_000L)));
        inFlight = Optional.of(new InFlight(query, generations));
        return Optional.of(query);
    }

    boolean isInFlight(String requestId) {
        return inFlight.isPresent() && inFlight.get().request().id().equals(requestId);
    }

    /** Applies a {@code /keys/query} answer; returns the users whose device list changed. */
    Set<UserId> onResponse(Map<String, Object> response, CryptoChanges.Builder changes) {
        InFlight done = inFlight.orElseThrow();
        inFlight = Optional.empty();
        Map<String, Object> deviceKeys = Json.object(response, "device_keys");
        Set<String> failedServers = Json.object(response, "failures").keySet();
        Set<UserId> changed = new LinkedHashSet<>();
        for (UserId user : done.request().users()) {
            if (failedServers.contains(user.serverName().value())) {
                LOG.info("The server of {} did not answer the key query; trying again later", user);
                failedUntil.put(user, ctx.now() + FAILED_SERVER_BACKOFF_MS);
                continue;
            }
            if (Json.asObject(deviceKeys.get(user.value())).isPresent()
                    && updateUser(user, Json.object(deviceKeys, user.value()), changes)) {
                changed.add(user);
            }
            if (generation.getOrDefault(user, 0L).equals(done.generations().get(user)) && tracked.containsKey(user)) {
                setDirty(user, false, changes);
            }
        }
        return changed;
    }

    private boolean updateUser(UserId user, Map<String, Object> devices, CryptoChanges.Builder changes) {
        Map<DeviceId, StoredDevice> known = ctx.store.devices(user);
        Set<DeviceId> seen = new LinkedHashSet<>();
        boolean changed = false;
        for (Map.Entry<String, Object> entry : devices.entrySet()) {
            DeviceId id;
            try {
                id = DeviceId.of(entry.getKey());
            } catch (IllegalArgumentException e) {
                continue;
            }
            seen.add(id);
            Optional<Map<String, Object>> keys = Json.asObject(entry.getValue());
            if (keys.isEmpty()) {
                LOG.warn("Refused device {} of {}: its device keys are not an object", id, user);
                continue;
            }
            Optional<StoredDevice> verified = verify(user, id, keys.get(), Optional.ofNullable(known.get(id)));
            if (verified.isEmpty() || (user.equals(ctx.userId) && id.equals(ctx.deviceId))) {
                continue;
            }
            StoredDevice device = verified.get();
            if (!device.equals(known.get(id))) {
                changes.device(device);
                changed = true;
            }
        }
        for (StoredDevice old : known.values()) {
            if (!seen.contains(old.deviceId()) && !old.deleted()) {
                LOG.info("Device {} of {} was removed", old.deviceId(), user);
                changes.device(old.withDeleted(true));
                changed = true;
            }
        }
        return changed;
    }

    /** The device if its keys pass every check; else empty, with the reason logged. */
    Optional<StoredDevice> verify(UserId user, DeviceId id, Map<String, Object> keys, Optional<StoredDevice> known) {
        String problem = problem(user, id, keys, known);
        if (problem != null) {
            LOG.warn("Refused device {} of {}: {}", id, user, problem);
            return Optional.empty();
        }
        Map<String, Object> keyMap = Json.object(keys, "keys");
        String curve = (String) keyMap.get("curve25519:" + id.value());
        String ed = (String) keyMap.get("ed25519:" + id.value());
        Optional<String> name = Json.string(Json.object(keys, "unsigned"), "device_display_name");
        LocalTrust trust = known.map(StoredDevice::trust).orElse(LocalTrust.UNVERIFIED);
        Map<String, Object> stored = new LinkedHashMap<>(keys);
        stored.remove("unsigned");
        return Optional.of(new StoredDevice(user, id, curve, ed, Json.write(stored), name, trust, false));
    }

    private String problem(UserId user, DeviceId id, Map<String, Object> keys, Optional<StoredDevice> known) {
        Optional<String> userField = Json.string(keys, "user_id");
        Optional<String> deviceField = Json.string(keys, "device_id");
        if (userField.isEmpty() || !userField.get().equals(user.value())) {
            return "its user_id " + userField.orElse("(none)") + " is not the user asked for";
        }
        if (deviceField.isEmpty() || !deviceField.get().equals(id.value())) {
            return "its device_id " + deviceField.orElse("(none)") + " is not the device id it is listed under";
        }
        Map<String, Object> keyMap = Json.object(keys, "keys");
        Optional<String> ed = Json.string(keyMap, "ed25519:" + id.value());
        Optional<String> curve = Json.string(keyMap, "curve25519:" + id.value());
        if (ed.isEmpty() || curve.isEmpty()) {
            return "it lacks its ed25519 or curve25519 key";
        }
        if (!Signatures.verify(ctx.olm, keys, user.value(), "ed25519:" + id.value(), ed.get())) {
            return "its self-signature does not verify";
        }
        if (known.isPresent() && !known.get().ed25519().equals(ed.get())) {
            return "its Ed25519 key changed (a device id must not be reused with new keys)";
        }
        if (user.equals(ctx.userId) && id.equals(ctx.deviceId) && !ownKeys.ed25519().equals(ed.get())) {
            return "the server lists other keys for this very device";
        }
        return null;
    }
}
