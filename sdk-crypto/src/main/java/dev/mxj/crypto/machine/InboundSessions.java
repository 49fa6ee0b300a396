package dev.mxj.crypto.machine;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.KeySender;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.id.RoomId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inbound Megolm sessions: kept in the store, with a bounded cache of unpickled ones. A session
 * is replaced only by a better copy from the same creator: one that decrypts from an earlier index,
 * or an authenticated copy of a forwarded one at the same index. A copy that names another creator
 * (sender key or signing key) never replaces the first: a member who got the key could otherwise
 * re-share it as their own and pass the creator's events off as theirs.
 */
final class InboundSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboundSessions.class);
    private static final int CACHE_SIZE = 512;

    private final Context ctx;
    private final Map<List<String>, Live> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, Live> eldest) {
            if (size() > CACHE_SIZE) {
                eldest.getValue().session().close();
                return true;
            }
            return false;
        }
    };

    /** An unpickled session with its metadata. */
    record Live(StoredInboundGroupSession meta, InboundGroupSession session) {
    }

    InboundSessions(Context ctx) {
        this.ctx = ctx;
    }

    private static List<String> key(RoomId room, String sessionId) {
        return List.of(room.value(), sessionId);
    }

    /** The session, if we have it and it unpickles. */
    Optional<Live> get(RoomId room, String sessionId) {
        Live live = cache.get(key(room, sessionId));
        if (live != null) {
            return Optional.of(live);
        }
        Optional<StoredInboundGroupSession> stored = ctx.store.inboundGroupSession(room, sessionId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            InboundGroupSession session = ctx.unpickle(k -> ctx.olm.unpickleInboundGroupSession(stored.get().pickle(), k));
            live = new Live(stored.get(), session);
            cache.put(key(room, sessionId), live);
            return Optional.of(live);
        } catch (CryptoException e) {
            LOG.warn("The Megolm session {} of {} does not unpickle ({})", sessionId, room, e.errorName());
            return Optional.empty();
        }
    }

    /**
     * Keeps {@code session} unless we hold a copy at least as good. Takes ownership of
     * {@code session} (closes it if not kept). True if kept.
     */
    boolean add(RoomId room, InboundGroupSession session, String senderKey, String signingKey,
                List<String> forwardingChain, boolean forwarded, KeySender keySender, CryptoChanges.Builder changes) {
        Optional<Live> existing = get(room, session.sessionId());
        long first = session.firstKnownIndex();
        if (existing.isPresent()) {
            StoredInboundGroupSession old = existing.get().meta();
            if (!old.senderKey().equals(senderKey) || !old.signingKey().equals(signingKey)) {
                LOG.warn("A copy of Megolm session {} in {} from {} names another creator than the copy we hold;"
                        + " kept ours", session.sessionId(), room, keySender.userId());
                session.close();
                return false;
            }
            boolean better = first < old.firstKnownIndex()
                    || (first == old.firstKnownIndex() && old.forwarded() && !forwarded);
            if (!better) {
                session.close();
                if (old.keySender().isEmpty() && !old.forwarded() && !forwarded) {
                    // a key saved before mxj recorded its sender, sent again by its creator: note the sender
                    replaceMeta(existing.get(), new StoredInboundGroupSession(room, old.sessionId(), old.senderKey(),
                            old.signingKey(), old.forwardingChain(), false, old.firstKnownIndex(), old.pickle(),
                            Optional.of(keySender)), changes);
                }
                return false;
            }
        }
        String pickle = ctx.pickle(session::pickle);
        StoredInboundGroupSession meta = new StoredInboundGroupSession(room, session.sessionId(), senderKey,
                signingKey, forwardingChain, forwarded, first, pickle, Optional.of(keySender));
        changes.inboundGroupSession(meta);
        Live replaced = cache.put(key(room, session.sessionId()), new Live(meta, session));
        if (replaced != null) {
            replaced.session().close();
        }
        return true;
    }

    private void replaceMeta(Live live, StoredInboundGroupSession meta, CryptoChanges.Builder changes) {
        changes.inboundGroupSession(meta);
        cache.put(key(meta.roomId(), meta.sessionId()), new Live(meta, live.session()));
    }

    @Override
    public void close() {
        cache.values().forEach(l -> l.session().close());
        cache.clear();
    }
}
