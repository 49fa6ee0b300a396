package dev.mxj.spi;

import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.UserId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The end-to-end encryption parts of one saved sync, for {@link EncryptionModule#receiveSync}.
 *
 * @param nextBatch              the sync token these changes lead to; a module that keeps it can ask
 *                               {@code /keys/changes} for what it missed (e.g. device list changes of a
 *                               sync saved just before a crash)
 * @param toDevice               to-device events not yet handled, oldest first: this sync's, after any a
 *                               previous run saved but did not finish handing over
 * @param deviceListsChanged     {@code device_lists.changed}: users whose devices changed (this sync's, and
 *                               those of earlier syncs whose hand-over failed, unless a later sync says
 *                               they left)
 * @param deviceListsLeft        {@code device_lists.left}: users with whom no encrypted room is shared any more
 *                               (likewise carried over from failed hand-overs)
 * @param oneTimeKeysCounts      {@code device_one_time_keys_count}, by algorithm; empty when not sent
 * @param unusedFallbackKeyTypes {@code device_unused_fallback_key_types}, when the server sent it
 * @param encryptedRoomMembers   users who joined or were invited to an encrypted room in this sync (all
 *                               members of encrypted rooms on a first sync, and those of failed
 *                               hand-overs): users whose devices to track
 */
public record SyncCryptoChanges(String nextBatch, List<ToDeviceEvent> toDevice, Set<UserId> deviceListsChanged,
                                Set<UserId> deviceListsLeft, Map<String, Long> oneTimeKeysCounts,
                                Optional<List<String>> unusedFallbackKeyTypes, Set<UserId> encryptedRoomMembers) {
    public SyncCryptoChanges {
        Objects.requireNonNull(nextBatch, "nextBatch");
        toDevice = List.copyOf(toDevice);
        deviceListsChanged = Set.copyOf(deviceListsChanged);
        deviceListsLeft = Set.copyOf(deviceListsLeft);
        oneTimeKeysCounts = Map.copyOf(oneTimeKeysCounts);
        unusedFallbackKeyTypes = unusedFallbackKeyTypes.map(List::copyOf);
        encryptedRoomMembers = Set.copyOf(encryptedRoomMembers);
    }

    /** No to-device events, no device list changes and no key counts: nothing to do. */
    public boolean isEmpty() {
        return toDevice.isEmpty() && deviceListsChanged.isEmpty() && deviceListsLeft.isEmpty()
                && oneTimeKeysCounts.isEmpty() && unusedFallbackKeyTypes.isEmpty() && encryptedRoomMembers.isEmpty();
    }
}
