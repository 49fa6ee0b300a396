package dev.mxj.crypto.machine;

import dev.mxj.crypto.olm.Account;
import dev.mxj.crypto.olm.IdentityKeys;
import dev.mxj.crypto.olm.OneTimeKey;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.event.RoomEncryptedContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This device's account: signed device keys, one-time and fallback keys kept topped up. A key
 * is marked published only when {@code /keys/upload} answered 2xx; until then the same keys are
 * offered again, so a crash between upload and save re-uploads identical keys (signatures are
 * deterministic) and never publishes a key the account forgot.
 */
final class AccountKeys implements AutoCloseable {
    static final String SIGNED_CURVE25519 = "signed_curve25519";
    private static final Logger LOG = LoggerFactory.getLogger(AccountKeys.class);

    private final Context ctx;
    private final Account account;
    private final IdentityKeys identity;
    private boolean deviceKeysUploaded;
    private long serverKeyCount;
    private Optional<Long> fallbackCreatedMs;
    /** The sync said our fallback key was used: a new one is due. */
    private boolean fallbackUsed;

    private AccountKeys(Context ctx, Account account, boolean uploaded, long serverCount, Optional<Long> fallback) {
        this.ctx = ctx;
        this.account = account;
        this.identity = account.identityKeys();
        this.deviceKeysUploaded = uploaded;
        this.serverKeyCount = serverCount;
        this.fallbackCreatedMs = fallback;
    }

    static AccountKeys create(Context ctx, CryptoChanges.Builder changes) {
        AccountKeys keys = new AccountKeys(ctx, ctx.olm.createAccount(), false, 0, Optional.empty());
        keys.save(changes);
        return keys;
    }

    static AccountKeys load(Context ctx, StoredAccount stored) {
        Account account = ctx.unpickle(key -> ctx.olm.unpickleAccount(stored.pickle(), key));
        return new AccountKeys(ctx, account, stored.deviceKeysUploaded(), stored.uploadedOneTimeKeyCount(),
                stored.fallbackKeyCreatedMs());
    }

    IdentityKeys identity() {
        return identity;
    }

    Account account() {
        return account;
    }

    void save(CryptoChanges.Builder changes) {
        String pickle = ctx.pickle(account::pickle);
        changes.account(new StoredAccount(ctx.userId, ctx.deviceId, pickle, deviceKeysUploaded, serverKeyCount,
                fallbackCreatedMs));
    }

    /** Our signed {@code device_keys} object. */
    Map<String, Object> deviceKeys() {
        Map<String, Object> keys = Json.obj(
                "user_id", ctx.userId.value(),
                "device_id", ctx.deviceId.value(),
                "algorithms", List.of(RoomEncryptedContent.OLM_V1, RoomEncryptedContent.MEGOLM_V1),
                "keys", Json.obj("curve25519:" + ctx.deviceId.value(), identity.curve25519(),
                        "ed25519:" + ctx.deviceId.value(), identity.ed25519()));
        return sign(keys);
    }

    /** {@code object} with our signature added, computed over its canonical form without signatures/unsigned. */
    Map<String, Object> sign(Map<String, Object> object) {
        String signature = account.sign(Signatures.canonicalForSigning(object));
        Map<String, Object> signed = new LinkedHashMap<>(object);
        Map<String, Object> all = new LinkedHashMap<>(Json.object(object, "signatures"));
        Map<String, Object> mine = new LinkedHashMap<>(Json.object(all, ctx.userId.value()));
        mine.put("ed25519:" + ctx.deviceId.value(), signature);
        all.put(ctx.userId.value(), mine);
        signed.put("signatures", all);
        return signed;
    }

    /**
     * Applies the sync's key counts. Keys are generated only when no upload is in flight: marking
     * keys published after an upload must never cover a key that upload did not carry.
     */
    void updateCounts(Map<String, Long> counts, Optional<List<String>> unusedFallbackTypes, boolean uploadInFlight,
                      CryptoChanges.Builder changes) {
        boolean changed = false;
        Long count = counts.get(SIGNED_CURVE25519);
        if (count != null && count != serverKeyCount) {
            serverKeyCount = count;
            changed = true;
        }
        if (deviceKeysUploaded && unusedFallbackTypes.isPresent()
                && !unusedFallbackTypes.get().contains(SIGNED_CURVE25519)) {
            fallbackUsed = true;
        }
        if (!uploadInFlight) {
            changed |= generateIfNeeded();
        }
        if (changed) {
            save(changes);
        }
    }

    /** Generates one-time keys up to half the account's capacity, and a fallback key when due. */
    boolean generateIfNeeded() {
        boolean changed = false;
        if (fallbackCreatedMs.isEmpty() || (fallbackUsed && account.unpublishedFallbackKey().isEmpty())) {
            account.generateFallbackKey();
            fallbackCreatedMs = Optional.of(ctx.now());
            fallbackUsed = false;
            changed = true;
        }
        if (!account.oneTimeKeys().isEmpty()) {
            return changed; // an upload is still due; never generate past unpublished keys
        }
        long target = account.maxOneTimeKeys() / 2;
        long missing = target - serverKeyCount;
        if (missing > 0) {
            account.generateOneTimeKeys((int) missing);
            LOG.debug("Generated {} one-time keys (server has {})", missing, serverKeyCount);
            changed = true;
        }
        return changed;
    }

    /** The {@code /keys/upload} body if anything is to be uploaded. */
    Optional<Map<String, Object>> uploadBody() {
        List<OneTimeKey> oneTimeKeys = account.oneTimeKeys();
        Optional<OneTimeKey> fallback = account.unpublishedFallbackKey();
        if (deviceKeysUploaded && oneTimeKeys.isEmpty() && fallback.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> body = Json.obj();
        if (!deviceKeysUploaded) {
            body.put("device_keys", deviceKeys());
        }
        if (!oneTimeKeys.isEmpty()) {
            Map<String, Object> otks = Json.obj();
            for (OneTimeKey k : oneTimeKeys) {
                otks.put(SIGNED_CURVE25519 + ":" + k.keyId(), sign(Json.obj("key", k.publicKey())));
            }
            body.put("one_time_keys", otks);
        }
        fallback.ifPresent(k -> body.put("fallback_keys", Json.obj(SIGNED_CURVE25519 + ":" + k.keyId(),
                sign(Json.obj("key", k.publicKey(), "fallback", true)))));
        return Optional.of(body);
    }

    /** The upload of {@code body} succeeded with {@code response}. */
    void onUploaded(Map<String, Object> response, CryptoChanges.Builder changes) {
        account.markKeysAsPublished();
        deviceKeysUploaded = true;
        serverKeyCount = Json.number(Json.object(response, "one_time_key_counts"), SIGNED_CURVE25519).orElse(0L);
        LOG.debug("Keys uploaded; the server has {} one-time keys", serverKeyCount);
        generateIfNeeded();
        save(changes);
    }

    boolean deviceKeysUploaded() {
        return deviceKeysUploaded;
    }

    @Override
    public void close() {
        account.close();
    }
}
