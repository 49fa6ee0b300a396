package dev.mxj.internal.store;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.RoomInfo;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the in-memory state store holds, as one immutable value. A writer builds the next
 * snapshot from this one and publishes it in one reference swap, so readers see all of an apply
 * or none of it, without locks.
 */
public final class MemorySnapshot {
    /** A store that holds nothing. */
    public static final MemorySnapshot EMPTY = new MemorySnapshot(Optional.empty(), Map.of(), Map.of(), Map.of(),
            Map.of(), List.of());

    private final Optional<String> syncToken;
    private final Map<String, String> filterIds;
    private final Map<RoomId, MemoryRoom> rooms;
    private final Map<String, BasicEvent> accountData;
    private final Map<UserId, RawJson> presence;
    private final List<ToDeviceEvent> toDevice;

    private MemorySnapshot(Optional<String> syncToken, Map<String, String> filterIds, Map<RoomId, MemoryRoom> rooms,
                           Map<String, BasicEvent> accountData, Map<UserId, RawJson> presence,
                           List<ToDeviceEvent> toDevice) {
        this.syncToken = syncToken;
        this.filterIds = filterIds;
        this.rooms = rooms;
        this.accountData = accountData;
        this.presence = presence;
        this.toDevice = toDevice;
    }

    /**
     * The snapshot after {@code changes}. Builds new maps and leaves this one untouched, so a
     * failure part way (from {@code beforeSave}) loses nothing.
     */
    public MemorySnapshot apply(StateChanges changes, Consumer<SyncEvent> beforeSave) {
        Map<RoomId, MemoryRoom> newRooms = rooms;
        if (!changes.rooms().isEmpty()) {
            newRooms = new HashMap<>(rooms);
            for (RoomChanges room : changes.rooms()) {
                RoomInfo info = room.info();
                MemoryRoom before = newRooms.getOrDefault(info.roomId(), MemoryRoom.empty(info));
                newRooms.put(info.roomId(), before.apply(room, beforeSave));
            }
            newRooms = Collections.unmodifiableMap(newRooms);
        }
        Map<String, BasicEvent> newAccountData = accountData;
        if (!changes.accountData().isEmpty()) {
            Map<String, BasicEvent> copy = new HashMap<>(accountData);
            changes.accountData().forEach(event -> copy.put(event.type(), event));
            newAccountData = Collections.unmodifiableMap(copy);
        }
        Map<UserId, RawJson> newPresence = presence;
        if (!changes.presence().isEmpty()) {
            Map<UserId, RawJson> copy = new HashMap<>(presence);
            copy.putAll(changes.presence());
            newPresence = Collections.unmodifiableMap(copy);
        }
        List<ToDeviceEvent> newToDevice = toDevice;
        if (!changes.toDevice().isEmpty()) {
            List<ToDeviceEvent> copy = new ArrayList<>(toDevice);
            copy.addAll(changes.toDevice());
            newToDevice = Collections.unmodifiableList(copy);
        }
        return new MemorySnapshot(Optional.of(changes.nextBatch()), filterIds, newRooms, newAccountData, newPresence,
                newToDevice);
    }

    /** This snapshot with {@code filterId} saved under {@code key}. */
    public MemorySnapshot withFilterId(String key, String filterId) {
        Map<String, String> copy = new HashMap<>(filterIds);
        copy.put(key, filterId);
        return new MemorySnapshot(syncToken, Collections.unmodifiableMap(copy), rooms, accountData, presence,
                toDevice);
    }

    /** This snapshot with {@code room} replacing the stored room of the same ID. */
    public MemorySnapshot withRoom(MemoryRoom room) {
        Map<RoomId, MemoryRoom> copy = new HashMap<>(rooms);
        copy.put(room.info().roomId(), room);
        return new MemorySnapshot(syncToken, filterIds, Collections.unmodifiableMap(copy), accountData, presence,
                toDevice);
    }

    /** This snapshot without the first {@code count} to-device events. */
    public MemorySnapshot withoutToDevice(int count) {
        List<ToDeviceEvent> rest = List.copyOf(toDevice.subList(Math.min(count, toDevice.size()), toDevice.size()));
        return new MemorySnapshot(syncToken, filterIds, rooms, accountData, presence, rest);
    }

    public Optional<String> syncToken() {
        return syncToken;
    }

    public Optional<String> filterId(String key) {
        return Optional.ofNullable(filterIds.get(key));
    }

    public List<RoomInfo> rooms() {
        return rooms.values().stream().map(MemoryRoom::info).toList();
    }

    public Optional<MemoryRoom> room(RoomId roomId) {
        return Optional.ofNullable(rooms.get(roomId));
    }

    public Optional<BasicEvent> accountData(String type) {
        return Optional.ofNullable(accountData.get(type));
    }

    public Optional<RawJson> presence(UserId userId) {
        return Optional.ofNullable(presence.get(userId));
    }

    public List<ToDeviceEvent> toDevice() {
        return toDevice;
    }
}
