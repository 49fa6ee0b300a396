package dev.mxj.sync;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Membership;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.StateChanges;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.TestUser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** One test user syncing with mxj against Dendrite, plus raw calls to make things happen. */
final class DendriteSync implements AutoCloseable {
    static final Duration POLL = Duration.ofSeconds(2);

    final MemoryStateStore store = new MemoryStateStore();
    final MatrixClient client;
    final RawClient raw;
    final UserId userId;
    /** Every change saved by {@link #syncUntil}, in order. */
    final List<StateChanges> seen = new ArrayList<>();
    SyncSettings settings = SyncSettings.defaults();

    DendriteSync(Dendrite dendrite, TestUser user) {
        userId = UserId.of(user.userId());
        store.saveSession(Session.of(dendrite.baseUrl(), userId, DeviceId.of(user.deviceId()), user.accessToken()));
        client = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(store).build();
        raw = raw(dendrite, user);
    }

    static RawClient raw(Dendrite dendrite, TestUser user) {
        return new RawClient(dendrite.baseUrl(), user.userId(), user.accessToken());
    }

    /** Syncs (2 s long polls) until {@code condition} holds, for at most 20 s; returns the changes of this call. */
    List<StateChanges> syncUntil(BooleanSupplier condition, String what) {
        List<StateChanges> mine = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Dendrite did not deliver within 20 s: " + what);
            }
            StateChanges changes = client.sync().syncOnce(settings.withTimeout(POLL)).join();
            mine.add(changes);
            seen.add(changes);
        }
        return mine;
    }

    boolean hasMembership(RoomId room, Membership membership) {
        return store.room(room).map(r -> r.membership() == membership).orElse(false);
    }

    /** {@code creator} makes a room and invites this user, who joins; synced until joined. */
    RoomId joinRoomOf(RawClient creator, Map<String, Object> options) {
        RoomId room = RoomId.of(creator.createRoom(options));
        creator.invite(room.value(), userId.value());
        raw.join(room.value());
        syncUntil(() -> hasMembership(room, Membership.JOIN), "joined " + room);
        return room;
    }

    @Override
    public void close() {
        client.close();
    }
}
