package dev.mxj.store.sqlite;

import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Hero;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomList;
import dev.mxj.room.Tombstone;
import dev.mxj.room.UnreadCounts;

import org.sqlite.SQLiteConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * On a cold start most of the time to the room list goes to loading and initialising classes, not
 * to reading rows. The first {@link SqliteStore#open} of a JVM therefore starts a short-lived
 * daemon thread that makes one throwaway {@link SQLiteConfig} (its date formats load the JDK's
 * locale data, tens of milliseconds) and one throwaway {@link RoomInfo} and {@link RoomList},
 * while the caller's thread loads SQLite's native library ({@link SqliteDatabase#open}). It
 * touches no file and no shared state; a failure is ignored (the caller then does the same work
 * itself, as it would have anyway).
 */
final class WarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {
    }

    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(WarmUp::run, "mxj-store-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            new SQLiteConfig().toProperties();
            RoomInfo info = RoomInfo.empty(RoomId.of("!warm:localhost"), Membership.JOIN).toBuilder()
                    .name(Optional.of("warm")).avatarUrl(Optional.of(MxcUri.of("mxc://localhost/warm")))
                    .canonicalAlias(Optional.of(RoomAlias.of("#warm:localhost")))
                    .tombstone(Optional.of(new Tombstone("", RoomId.of("!next:localhost"))))
                    .heroes(List.of(new Hero(UserId.of("@warm:localhost"), Optional.empty(), Optional.empty())))
                    .unread(new UnreadCounts(1, 0)).threadUnread(Map.of(EventId.of("$warm"), new UnreadCounts(0, 0)))
                    .latestEventId(Optional.of(EventId.of("$warm")))
                    .build();
            RawJson.parse("[{\"user_id\":\"@warm:localhost\",\"displayname\":\"w\"}]").tree();
            RoomList.of(List.of(info, info.toBuilder().membership(Membership.INVITE).build())).rooms().size();
        } catch (RuntimeException | LinkageError e) {
            // Only a head start; the caller's thread does the same work when it needs it.
        }
    }
}
