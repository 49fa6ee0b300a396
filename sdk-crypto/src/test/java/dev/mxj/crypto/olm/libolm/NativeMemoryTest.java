package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.olm.OutboundGroupSession;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Native memory: a million create/close cycles leave the process no bigger (VmRSS), and objects
 * that are never closed are freed by the Cleaner. Surefire runs this module with a fixed,
 * pre-touched heap (see pom.xml), so RSS growth here is native growth.
 */
class NativeMemoryTest {
    private static final LibolmBackend OLM = LibolmBackend.create();
    private static final int CYCLES = 1_000_000;
    private static final long MAX_GROWTH_KB = 16 * 1024;

    @Test
    void aMillionCreateCloseCyclesDoNotGrowTheProcess() throws Exception {
        String export;
        try (OutboundGroupSession out = OLM.createOutboundGroupSession();
             InboundGroupSession in = OLM.createInboundGroupSession(out.sessionKey())) {
            export = in.export(0);
        }
        cycle(export, 50_000); // warm up: JIT, malloc arenas
        long liveBefore = NativeObject.liveObjects();
        long before = settledRssKb();
        long start = System.nanoTime();
        cycle(export, CYCLES);
        long igsSeconds = (System.nanoTime() - start) / 1_000_000_000L;
        for (int i = 0; i < CYCLES / 10; i++) {
            try (OutboundGroupSession out = OLM.createOutboundGroupSession()) {
                out.sessionId();
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        long after = settledRssKb();
        System.out.printf("leak test: %,d InboundGroupSession import/export/close + %,d OutboundGroupSession "
                + "create/sessionId/close cycles in %d s (%d s for the first); VmRSS %,d kB -> %,d kB (%+,d kB)%n",
                CYCLES, CYCLES / 10, seconds, igsSeconds, before, after, after - before);
        assertEquals(liveBefore, NativeObject.liveObjects(), "native objects not freed");
        assertTrue(after - before < MAX_GROWTH_KB, "VmRSS grew by " + (after - before) + " kB");
    }

    private static void cycle(String export, int cycles) {
        for (int i = 0; i < cycles; i++) {
            InboundGroupSession session = OLM.importInboundGroupSession(export);
            session.sessionId();
            session.export(0);
            session.close();
        }
    }

    @Test
    void unclosedObjectsAreFreedByTheCleaner() throws InterruptedException {
        long baseline = NativeObject.liveObjects();
        List<Object> dropped = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            dropped.add(OLM.createPkEncryption("hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo"));
        }
        assertTrue(NativeObject.liveObjects() >= baseline + 2_000);
        dropped.clear();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (NativeObject.liveObjects() > baseline && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(NativeObject.liveObjects() <= baseline, "still live: " + (NativeObject.liveObjects() - baseline));
    }

    private static long settledRssKb() throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
