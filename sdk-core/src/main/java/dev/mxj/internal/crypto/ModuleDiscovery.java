package dev.mxj.internal.crypto;

import dev.mxj.spi.EncryptionModule;
import dev.mxj.spi.EncryptionModuleProvider;
import dev.mxj.store.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds an {@link EncryptionModule} with {@link ServiceLoader} for a client that was not given one. */
public final class ModuleDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleDiscovery.class);

    /** Loading errors after which the search stops (a broken services file can fail every time). */
    private static final int MAX_BROKEN = 8;

    private ModuleDiscovery() {
    }

    /** The first module a provider on the class or module path makes; empty if none (no encryption). */
    public static Optional<EncryptionModule> discover(StateStore store) {
        return discover(ServiceLoader.load(EncryptionModuleProvider.class, ModuleDiscovery.class.getClassLoader()),
                store);
    }

    static Optional<EncryptionModule> discover(Iterable<EncryptionModuleProvider> providers, StateStore store) {
        Iterator<EncryptionModuleProvider> it = providers.iterator();
        int broken = 0;
        while (broken < MAX_BROKEN) {
            EncryptionModuleProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("An encryption module provider could not be loaded; skipped", e);
                broken++;
                continue;
            }
            try {
                Optional<EncryptionModule> module = provider.create(store);
                if (module.isPresent()) {
                    LOG.info("End-to-end encryption by {}", provider.getClass().getName());
                    return module;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("The encryption module provider {} failed; skipped", provider.getClass().getName(), e);
            }
        }
        LOG.debug("No encryption module found: encrypted rooms can be read as they are, not sent to");
        return Optional.empty();
    }
}
