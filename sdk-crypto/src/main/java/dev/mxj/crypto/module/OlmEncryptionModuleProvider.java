package dev.mxj.crypto.module;

import dev.mxj.crypto.olm.OlmBackendUnavailableException;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.spi.EncryptionModule;
import dev.mxj.spi.EncryptionModuleProvider;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Found by {@link java.util.ServiceLoader}: gives a client whose state lives in memory an
 * {@link OlmEncryptionModule} whose crypto state lives in memory too (the same lifetime; a random
 * passphrase). For a persistent state store it answers nothing: keys must outlive the process
 * there, under a passphrase only the app knows, so the app passes the module itself:
 * {@code MatrixClient.builder().encryption(OlmEncryptionModule.builder(backend).store(sqliteStore.cryptoStore())
 * .passphrase(secret).build())} (see {@link OlmEncryptionModule}). Answers nothing either when
 * libolm is not installed (logged, with what to install).
 */
public final class OlmEncryptionModuleProvider implements EncryptionModuleProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OlmEncryptionModuleProvider.class);

    @Override
    public Optional<EncryptionModule> create(StateStore stateStore) {
        if (!(stateStore instanceof MemoryStateStore)) {
            LOG.info("No automatic end-to-end encryption for a client on a {}: its keys must outlive the process"
                    + " under the app's passphrase. Pass MatrixClient.builder().encryption(OlmEncryptionModule"
                    + ".builder(LibolmBackend.create()).store(cryptoStore).passphrase(secret).build())",
                    stateStore.getClass().getSimpleName());
            return Optional.empty();
        }
        try {
            char[] passphrase = new char[32];
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < passphrase.length; i++) {
                passphrase[i] = (char) ('a' + random.nextInt(26));
            }
            OlmEncryptionModule module = OlmEncryptionModule.builder(LibolmBackend.create()).passphrase(passphrase)
                    .config(dev.mxj.crypto.machine.MachineConfig.defaults().withPickleIterations(1))
                    .build();
            java.util.Arrays.fill(passphrase, '\0');
            return Optional.of(module);
        } catch (OlmBackendUnavailableException e) {
            LOG.warn("No end-to-end encryption: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
