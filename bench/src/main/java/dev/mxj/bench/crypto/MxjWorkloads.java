package dev.mxj.bench.crypto;

import dev.mxj.crypto.olm.Account;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.olm.OlmMessage;
import dev.mxj.crypto.olm.OneTimeKey;
import dev.mxj.crypto.olm.OutboundGroupSession;
import dev.mxj.crypto.olm.Session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark workloads through mxj's {@link OlmBackend}, operation for operation the same as the
 * Python peers' ({@code sdk-crypto/src/test/python/*_peer.py}) and, for Megolm, the C harness's.
 * Inputs are the base64 strings a client receives; every plaintext is 256 bytes.
 */
final class MxjWorkloads {
    static final int PLAINTEXT_BYTES = 256;
    static final int MEGOLM_BATCH = 1000;
    static final int OLM_BATCH = 1000;
    /** Session creation: 4 receiving accounts with 50 one-time keys each (vodozemac keeps at most 50). */
    static final int SESSION_ACCOUNTS = 4;
    static final int SESSION_KEYS = 50;

    private static final byte[] PLAINTEXT = new byte[PLAINTEXT_BYTES];

    static {
        Arrays.fill(PLAINTEXT, (byte) 'x');
    }

    private final OlmBackend olm;
    /** Where results go so nothing looks unused; checked once at the end. */
    private long sink;

    MxjWorkloads(OlmBackend olm) {
        this.olm = olm;
    }

    long sink() {
        return sink;
    }

    List<Harness.Workload<?>> all() {
        return List.of(megolmEncrypt(), megolmDecrypt(), sessionCreation(), olmEncrypt(), olmDecrypt());
    }

    Harness.Workload<OutboundGroupSession> megolmEncrypt() {
        return new Harness.Workload<>("megolm_encrypt_per_s", MEGOLM_BATCH, olm::createOutboundGroupSession,
                session -> {
                    for (int i = 0; i < MEGOLM_BATCH; i++) {
                        sink += session.encrypt(PLAINTEXT).length();
                    }
                },
                OutboundGroupSession::close);
    }

    record Megolm(OutboundGroupSession outbound, InboundGroupSession inbound, List<String> messages) {
    }

    Harness.Workload<Megolm> megolmDecrypt() {
        return new Harness.Workload<>("megolm_decrypt_per_s", MEGOLM_BATCH,
                () -> {
                    OutboundGroupSession outbound = olm.createOutboundGroupSession();
                    InboundGroupSession inbound = olm.createInboundGroupSession(outbound.sessionKey());
                    List<String> messages = new ArrayList<>(MEGOLM_BATCH);
                    for (int i = 0; i < MEGOLM_BATCH; i++) {
                        messages.add(outbound.encrypt(PLAINTEXT));
                    }
                    return new Megolm(outbound, inbound, messages);
                },
                state -> {
                    for (String message : state.messages()) {
                        sink += state.inbound().decrypt(message).plaintext().length;
                    }
                },
                state -> {
                    state.inbound().close();
                    state.outbound().close();
                });
    }

    record Receiver(Account account, String identityKey, List<String> oneTimeKeys) {
    }

    record Accounts(Account alice, String aliceKey, List<Receiver> bobs) {
        void close() {
            alice.close();
            bobs.forEach(bob -> bob.account().close());
        }
    }

    /** One operation: Alice creates an outbound session and encrypts; Bob creates the inbound one from it. */
    Harness.Workload<Accounts> sessionCreation() {
        return new Harness.Workload<>("olm_session_create_per_s", SESSION_ACCOUNTS * SESSION_KEYS,
                () -> {
                    Account alice = olm.createAccount();
                    List<Receiver> bobs = new ArrayList<>();
                    for (int i = 0; i < SESSION_ACCOUNTS; i++) {
                        Account bob = olm.createAccount();
                        bob.generateOneTimeKeys(SESSION_KEYS);
                        List<String> keys = bob.oneTimeKeys().stream().map(OneTimeKey::publicKey).toList();
                        bob.markKeysAsPublished();
                        bobs.add(new Receiver(bob, bob.identityKeys().curve25519(), keys));
                    }
                    return new Accounts(alice, alice.identityKeys().curve25519(), bobs);
                },
                state -> {
                    for (Receiver bob : state.bobs()) {
                        for (String key : bob.oneTimeKeys()) {
                            try (Session outbound = state.alice().createOutboundSession(bob.identityKey(), key)) {
                                OlmMessage first = outbound.encrypt(PLAINTEXT);
                                try (Session inbound = bob.account().createInboundSession(state.aliceKey(), first).session()) {
                                    sink += inbound.hasReceivedMessage() ? 1 : 0;
                                }
                            }
                        }
                    }
                },
                Accounts::close);
    }

    /** An established pair: Alice has had a reply, so her messages are normal (type 1) ones. */
    record Pair(Account alice, Account bob, Session outbound, Session inbound, List<OlmMessage> messages) {
        void close() {
            outbound.close();
            inbound.close();
            alice.close();
            bob.close();
        }
    }

    private Pair pair(int messages) {
        Account alice = olm.createAccount();
        Account bob = olm.createAccount();
        bob.generateOneTimeKeys(1);
        String key = bob.oneTimeKeys().get(0).publicKey();
        bob.markKeysAsPublished();
        Session outbound = alice.createOutboundSession(bob.identityKeys().curve25519(), key);
        Session inbound = bob.createInboundSession(alice.identityKeys().curve25519(), outbound.encrypt(PLAINTEXT)).session();
        outbound.decrypt(inbound.encrypt(PLAINTEXT));
        List<OlmMessage> list = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            list.add(outbound.encrypt(PLAINTEXT));
        }
        return new Pair(alice, bob, outbound, inbound, list);
    }

    Harness.Workload<Pair> olmEncrypt() {
        return new Harness.Workload<>("olm_encrypt_per_s", OLM_BATCH, () -> pair(0),
                state -> {
                    for (int i = 0; i < OLM_BATCH; i++) {
                        sink += state.outbound().encrypt(PLAINTEXT).ciphertext().length();
                    }
                },
                Pair::close);
    }

    Harness.Workload<Pair> olmDecrypt() {
        return new Harness.Workload<>("olm_decrypt_per_s", OLM_BATCH, () -> pair(OLM_BATCH),
                state -> {
                    for (OlmMessage message : state.messages()) {
                        sink += state.inbound().decrypt(message).length;
                    }
                },
                Pair::close);
    }
}
