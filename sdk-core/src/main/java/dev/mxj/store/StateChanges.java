package dev.mxj.store;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one {@code /sync} response changes, as one value: a store saves all of it, with
 * {@link #nextBatch}, in ONE transaction, so a crash between two syncs loses and duplicates nothing.
 * Built by the sans-I/O sync processor; no HTTP, no store I/O inside.
 *
 * @param nextBatch              the token to sync from next
 * @param rooms                  changed rooms (joined, invited, knocked, left)
 * @param accountData            global account data events (each replaces the stored one of its type)
 * @param presence               presence events by user: the latest content each
 * @param toDevice               to-device events for this device, in order
 * @param deviceListsChanged     users whose device lists changed
 * @param deviceListsLeft        users we no longer share an encrypted room with
 * @param oneTimeKeysCounts      {@code device_one_time_keys_count}
 * @param unusedFallbackKeyTypes {@code device_unused_fallback_key_types}, when the server sent it
 */
public record StateChanges(String nextBatch, List<RoomChanges> rooms, List<BasicEvent> accountData,
                           Map<UserId, RawJson> presence, List<ToDeviceEvent> toDevice,
                           Set<UserId> deviceListsChanged, Set<UserId> deviceListsLeft,
                           Map<String, Long> oneTimeKeysCounts, Optional<List<String>> unusedFallbackKeyTypes) {
    public StateChanges {
        rooms = List.copyOf(rooms);
        accountData = List.copyOf(accountData);
        presence = Map.copyOf(presence);
        toDevice = List.copyOf(toDevice);
        deviceListsChanged = Set.copyOf(deviceListsChanged);
        deviceListsLeft = Set.copyOf(deviceListsLeft);
        oneTimeKeysCounts = Map.copyOf(oneTimeKeysCounts);
        unusedFallbackKeyTypes = unusedFallbackKeyTypes.map(List::copyOf);
    }

    /** Nothing but a new token. */
    public static StateChanges onlyToken(String nextBatch) {
        return new StateChanges(nextBatch, List.of(), List.of(), Map.of(), List.of(), Set.of(), Set.of(), Map.of(),
                Optional.empty());
    }
}
