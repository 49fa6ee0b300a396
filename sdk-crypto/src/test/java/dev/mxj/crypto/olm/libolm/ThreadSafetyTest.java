package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.GroupDecryption;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.olm.OutboundGroupSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One object shared by many threads: calls serialise; closing under load never crashes. */
class ThreadSafetyTest {
    private static final LibolmBackend OLM = LibolmBackend.create();

    @Test
    void concurrentEncryptionGivesEveryMessageItsOwnIndex() throws Exception {
        int threads = 8;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (OutboundGroupSession out = OLM.createOutboundGroupSession();
             InboundGroupSession in = OLM.createInboundGroupSession(out.sessionKey())) {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<String> sent = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        sent.add(out.encrypt(utf8("m")));
                    }
                    return sent;
                }));
            }
            Set<Long> indices = ConcurrentHashMap.newKeySet();
            for (Future<List<String>> f : futures) {
                for (String message : f.get()) {
                    GroupDecryption d = in.decrypt(message);
                    assertTrue(indices.add(d.messageIndex()), "index used twice: " + d.messageIndex());
                }
            }
            assertEquals(threads * perThread, indices.size());
            assertEquals(threads * perThread, out.messageIndex());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingWhileOtherThreadsUseTheObjectOnlyFailsThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                OutboundGroupSession out = OLM.createOutboundGroupSession();
                AtomicInteger refused = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            try {
                                out.encrypt(utf8("payload"));
                                out.sessionKey();
                            } catch (IllegalStateException closed) {
                                refused.incrementAndGet();
                                return;
                            }
                        }
                    }));
                }
                Thread.sleep(round % 3);
                out.close();
                for (Future<?> f : futures) {
                    f.get();
                }
                assertTrue(out.isClosed());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
