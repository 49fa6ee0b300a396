package dev.mxj.crypto.machine;

import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.PendingRequest;
import dev.mxj.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last sync the machine processed, and the {@code /keys/changes} catch-up after a gap.
 *
 * <p>The client saves a sync, then hands its crypto parts to the machine. A crash between the two
 * (or a failed hand-over, or a crypto store restored from a backup) loses that sync's
 * {@code device_lists}: the client syncs on from the saved token. The machine keeps the
 * {@code next_batch} of each sync it processed, saved with that sync's changes. The first sync it
 * processes after opening may not follow on from it; if its token differs from the kept one, the
 * machine asks {@code /keys/changes} between the two and dirties the users it names (and stops
 * tracking those who left). Without a kept token (a new store) there is nothing to catch up: every
 * tracked user starts dirty.
 *
 * <p>The catch-up is saved as a {@link PendingRequest} ({@link #KIND}) in the same save as the new
 * token, so a crash before its answer asks it again after the restart; a second gap before then
 * widens it (the same {@code from}, the newer {@code to}).
 */
final class SyncPosition {
    static final String KIND = "keys_changes";
    private static final Logger LOG = LoggerFactory.getLogger(SyncPosition.class);

    private final Context ctx;
    private final DeviceTracker tracker;
    /** The token saved last. */
    private Optional<String> token;
    private Optional<PendingRequest> catchUp;
    /** What the sync being processed will have saved, once its save succeeds. */
    private Optional<String> stagedToken = Optional.empty();
    private Optional<PendingRequest> stagedCatchUp = Optional.empty();
    /** True once a sync was processed and saved since the machine opened. */
    private boolean followsOn;

    SyncPosition(Context ctx, DeviceTracker tracker) {
        this.ctx = ctx;
        this.tracker = tracker;
        this.token = ctx.store.syncToken();
        this.catchUp = ctx.store.pendingRequests().stream().filter(r -> KIND.equals(r.kind())).reduce((a, b) -> b);
    }

    /** A sync leading to {@code nextBatch} is being processed: keep its token, catch up if it may not follow on. */
    void onSync(String nextBatch, CryptoChanges.Builder changes) {
        if (!followsOn && token.isPresent() && !token.get().equals(nextBatch)) {
            String from = catchUp.map(SyncPosition::from).orElse(token.get());
            catchUp.ifPresent(old -> changes.removeRequest(old.id()));
            PendingRequest request = new PendingRequest(Context.newId(), KIND, "",
                    Json.write(Json.obj("from", from, "to", nextBatch)), ctx.now());
            changes.addRequest(request);
            stagedCatchUp = Optional.of(request);
            LOG.debug("The first sync since the machine opened may not follow on from the last one it processed;"
                    + " asking /keys/changes");
        }
        stagedToken = Optional.of(nextBatch);
        changes.syncToken(nextBatch);
    }

    /** The sync's changes were saved: the next sync follows on from it. */
    void saved() {
        stagedToken.ifPresent(t -> token = Optional.of(t));
        stagedCatchUp.ifPresent(r -> catchUp = Optional.of(r));
        stagedToken = Optional.empty();
        stagedCatchUp = Optional.empty();
        followsOn = true;
    }

    /** Processing a sync failed: its device list changes may be lost, so the next one catches up. */
    void failed() {
        stagedToken = Optional.empty();
        stagedCatchUp = Optional.empty();
        followsOn = false;
    }

    /** The catch-up to send, if one is due. */
    Optional<OutgoingRequest.KeysChanges> request() {
        return catchUp.map(r -> new OutgoingRequest.KeysChanges(r.id(), from(r), to(r)));
    }

    boolean isCatchUp(String requestId) {
        return catchUp.isPresent() && catchUp.get().id().equals(requestId);
    }

    /** Applies a {@code /keys/changes} answer: changed users dirty, users who left untracked. */
    void onResponse(Map<String, Object> body, CryptoChanges.Builder changes) {
        tracker.markDirty(users(Json.strings(body, "changed")), changes);
        tracker.untrack(users(Json.strings(body, "left")), changes);
        done(changes);
    }

    /** The server refused the catch-up for good: query every tracked user instead. */
    void onRefused(CryptoChanges.Builder changes) {
        LOG.info("/keys/changes was refused; querying every tracked user's devices instead");
        tracker.markAllDirty(changes);
        done(changes);
    }

    private void done(CryptoChanges.Builder changes) {
        catchUp.ifPresent(r -> changes.removeRequest(r.id()));
        catchUp = Optional.empty();
    }

    private static List<UserId> users(List<String> ids) {
        List<UserId> out = new ArrayList<>();
        for (String id : ids) {
            try {
                out.add(UserId.of(id));
            } catch (IllegalArgumentException e) {
                LOG.debug("/keys/changes named an invalid user id; skipped");
            }
        }
        return out;
    }

    private static String from(PendingRequest r) {
        return Json.string(body(r), "from").orElse("");
    }

    private static String to(PendingRequest r) {
        return Json.string(body(r), "to").orElse("");
    }

    private static Map<String, Object> body(PendingRequest r) {
        try {
            return Json.asObject(Json.parse(r.body())).orElse(Map.of());
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }
}
