package dev.mxj.internal.crypto;

import dev.mxj.spi.EncryptionModule;
import dev.mxj.spi.EncryptionModuleProvider;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.FakeEncryptionModule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ModuleDiscoveryTest {
    @Test
    void theFirstProviderThatAnswersAModuleWinsAndBrokenOnesAreSkipped() {
        FakeEncryptionModule module = new FakeEncryptionModule();
        EncryptionModuleProvider broken = store -> {
            throw new IllegalStateException("native library missing");
        };
        EncryptionModuleProvider declines = store -> Optional.empty();
        EncryptionModuleProvider answers = store -> Optional.of(module);
        EncryptionModuleProvider never = store -> {
            throw new AssertionError("asked after a module was found");
        };
        Optional<EncryptionModule> found = ModuleDiscovery.discover(List.of(broken, declines, answers, never),
                new MemoryStateStore());
        assertSame(module, found.orElseThrow());
    }

    @Test
    void noProviderMeansNoEncryption() {
        assertEquals(Optional.empty(), ModuleDiscovery.discover(List.of(), new MemoryStateStore()));
    }

    @Test
    void theServiceLoaderFindsTheTestProviderOnlyWhenItOffersAModule() {
        assertEquals(Optional.empty(), ModuleDiscovery.discover(new MemoryStateStore()));
        FakeEncryptionModule module = new FakeEncryptionModule();
        FakeEncryptionModule.Provider.offer(module);
        assertSame(module, ModuleDiscovery.discover(new MemoryStateStore()).orElseThrow());
    }
}
