package dev.mxj.internal.crypto;

import dev.mxj.event.EventContent;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.Calls;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.Transport;
import dev.mxj.json.RawJson;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import dev.mxj.store.StateStore;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rooms are encrypted (with what settings) and who may read an event sent there. The store's
 * state decides; a room the store does not know as joined (just created or joined, not synced yet)
 * is asked of the server, so that an event is never sent in plaintext into a room that is encrypted.
 * Member lists are fetched in full once per room ({@code /members}: sync lazy-loads them), then kept
 * current from sync; a gap in a room's timeline fetches them again.
 */
final class EncryptedRooms {
    static final String ROOMS = "/_matrix/client/v3/rooms";

    private final Transport transport;
    private final StateStore store;
    /** Rooms seen encrypted outside the store (server answers, our own m.room.encryption): it cannot be undone. */
    private final Map<RoomId, RoomEncryptionContent> seen = new ConcurrentHashMap<>();
    /** Full member lists of rooms we sent encrypted events to: user to membership. */
    private final Map<RoomId, Map<UserId, Membership>> members = new ConcurrentHashMap<>();

    EncryptedRooms(Transport transport, StateStore store) {
        this.transport = transport;
        this.store = store;
    }

    /** The room's encryption settings as far as the store knows (no I/O but the store's). */
    Optional<RoomEncryptionContent> known(RoomId room) {
        Optional<RoomEvent> state = store.stateEvent(room, RoomEncryptionContent.TYPE, "");
        if (state.isPresent()) {
            return Optional.of(settingsOf(state.get().content(), state.get().raw().object("content")
                    .orElse(RawJson.emptyObject())));
        }
        RoomEncryptionContent cached = seen.get(room);
        if (cached != null) {
            return Optional.of(cached);
        }
        return store.room(room).flatMap(RoomInfo::encryptionAlgorithm)
                .map(algorithm -> new RoomEncryptionContent(algorithm, Optional.empty(), Optional.empty()));
    }

    /**
     * The room's encryption settings; empty if it is not encrypted. Asks the server when the store does
     * not hold the room as joined.
     */
    CompletableFuture<Optional<RoomEncryptionContent>> settings(RoomId room) {
        Optional<RoomEncryptionContent> known = known(room);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known);
        }
        boolean joined = store.room(room).map(RoomInfo::membership).filter(Membership.JOIN::equals).isPresent();
        if (joined) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        ApiRequest<RawJson> request = ApiRequest.get(ROOMS).segment(room.value()).segment("state")
                .segment(RoomEncryptionContent.TYPE).segment("").raw();
        return Calls.map(Calls.emptyIfNotFound(transport.send(request)), content -> content.map(c -> {
            RoomEncryptionContent settings = settingsOf(
                    EventRegistry.defaults().parseContent(RoomEncryptionContent.TYPE, c), c);
            seen.put(room, settings);
            return settings;
        }));
    }

    /** Our own {@code m.room.encryption} was accepted: the room is encrypted from now on. */
    void encrypted(RoomId room, RawJson content) {
        seen.put(room, settingsOf(EventRegistry.defaults().parseContent(RoomEncryptionContent.TYPE, content), content));
    }

    /**
     * Who may read an event sent now: joined members, and invited ones unless history visibility is
     * {@code joined}.
     */
    CompletableFuture<Set<UserId>> recipients(RoomId room) {
        Map<UserId, Membership> cached = members.get(room);
        CompletableFuture<Map<UserId, Membership>> list = cached != null ? CompletableFuture.completedFuture(cached)
                : fetchMembers(room);
        boolean invitedToo = !store.room(room).flatMap(RoomInfo::historyVisibility).filter("joined"::equals)
                .isPresent();
        return list.thenApply(all -> {
            Set<UserId> out = new HashSet<>();
            synchronized (all) {
                all.forEach((user, membership) -> {
                    if (membership == Membership.JOIN || (invitedToo && membership == Membership.INVITE)) {
                        out.add(user);
                    }
                });
            }
            return out;
        });
    }

    /** Keeps the fetched member lists current; a gap drops a room's list (fetched again when needed). */
    void synced(StateChanges changes) {
        for (RoomChanges room : changes.rooms()) {
            RoomId id = room.info().roomId();
            Map<UserId, Membership> list = members.get(id);
            if (list == null) {
                continue;
            }
            if (room.limited() || room.info().membership() != Membership.JOIN) {
                members.remove(id);
                continue;
            }
            synchronized (list) {
                for (RoomMember member : room.members()) {
                    list.put(member.userId(), member.membership());
                }
            }
        }
    }

    private CompletableFuture<Map<UserId, Membership>> fetchMembers(RoomId room) {
        ApiRequest<RawJson> request = ApiRequest.get(ROOMS).segment(room.value()).segment("members")
                .query("not_membership", "leave").raw();
        return Calls.map(transport.send(request), answer -> {
            Map<UserId, Membership> list = new HashMap<>();
            for (RawJson event : answer.array("chunk")) {
                Optional<String> stateKey = event.string("state_key");
                Optional<Membership> membership = event.object("content").flatMap(c -> c.string("membership"))
                        .flatMap(Membership::fromWire);
                if (stateKey.isPresent() && membership.isPresent()) {
                    try {
                        list.put(UserId.of(stateKey.get()), membership.get());
                    } catch (IllegalArgumentException notAUserId) {
                        // a broken member event names nobody who could read the message
                    }
                }
            }
            members.put(room, list);
            return list;
        });
    }

    private static RoomEncryptionContent settingsOf(EventContent content, RawJson raw) {
        if (content instanceof RoomEncryptionContent parsed) {
            return parsed;
        }
        // Content that breaks the schema still marks the room encrypted; the module refuses what it cannot use.
        return new RoomEncryptionContent(raw.string("algorithm").orElse(""), Optional.empty(), Optional.empty());
    }
}
