package dev.mxj.crypto.machine;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.keyexport.ExportedRoomKey;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.KeySender;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.id.RoomId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Room key export and import (the specification's "Key exports"). Exported sessions are written at
 * their first known index. Imported ones are kept as not authenticated, as forwarded keys are: the
 * file cannot prove who created a session, so events they decrypt get
 * {@link SenderTrust#UNAUTHENTICATED}. An import never replaces a copy we hold that decrypts from an
 * earlier (or the same) message, nor a copy that names another creator.
 */
final class RoomKeyTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(RoomKeyTransfer.class);

    private final Context ctx;
    private final InboundSessions inbound;
    private final KeyGossip gossip;
    private final String ownCurveKey;

    RoomKeyTransfer(Context ctx, InboundSessions inbound, KeyGossip gossip, String ownCurveKey) {
        this.ctx = ctx;
        this.inbound = inbound;
        this.gossip = gossip;
        this.ownCurveKey = ownCurveKey;
    }

    /** The inbound sessions of {@code rooms}; sessions that do not unpickle or export are left out. */
    List<ExportedRoomKey> export(Collection<RoomId> rooms) {
        List<ExportedRoomKey> keys = new ArrayList<>();
        for (RoomId room : rooms) {
            for (StoredInboundGroupSession meta : ctx.store.inboundGroupSessions(room)) {
                Optional<InboundSessions.Live> live = inbound.get(room, meta.sessionId());
                if (live.isEmpty()) {
                    continue;
                }
                InboundSessions.Live l = live.get();
                try {
                    String key = l.session().export(l.session().firstKnownIndex());
                    keys.add(new ExportedRoomKey(ExportedRoomKey.MEGOLM_V1, room, l.meta().senderKey(),
                            l.meta().sessionId(), key, Map.of("ed25519", l.meta().signingKey()),
                            l.meta().forwardingChain()));
                } catch (CryptoException e) {
                    LOG.warn("The Megolm session {} of {} does not export ({}); left out", meta.sessionId(), room,
                            e.errorName());
                }
            }
        }
        return keys;
    }

    /** Keeps the sessions of {@code keys} that are new or better than ours. */
    RoomKeyImport importKeys(List<ExportedRoomKey> keys, CryptoChanges.Builder changes) {
        List<RoomKeyInfo> kept = new ArrayList<>();
        KeySender self = new KeySender(ctx.userId, ownCurveKey);
        int invalid = 0;
        for (ExportedRoomKey k : keys) {
            Optional<String> ed = k.claimedEd25519();
            if (!ExportedRoomKey.MEGOLM_V1.equals(k.algorithm()) || ed.isEmpty()) {
                invalid++;
                continue;
            }
            InboundGroupSession session;
            try {
                session = ctx.olm.importInboundGroupSession(k.sessionKey());
            } catch (CryptoException | IllegalArgumentException e) {
                invalid++;
                continue;
            }
            if (!session.sessionId().equals(k.sessionId())) {
                session.close();
                invalid++;
                continue;
            }
            if (inbound.add(k.roomId(), session, k.senderKey(), ed.get(), k.forwardingChain(), true, self, changes)) {
                kept.add(new RoomKeyInfo(k.roomId(), k.sessionId()));
                gossip.onKeyReceived(k.roomId(), k.sessionId(), changes);
            }
        }
        if (invalid > 0) {
            LOG.warn("{} of {} sessions in the key export were not Megolm sessions or did not import; skipped",
                    invalid, keys.size());
        }
        LOG.info("Imported {} of {} room keys", kept.size(), keys.size());
        return new RoomKeyImport(keys.size(), kept.size(), kept);
    }
}
