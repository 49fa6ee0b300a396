package dev.mxj.testkit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * JUnit 5 extension that injects a shared {@link Dendrite} and fresh {@link TestUser}s.
 *
 * <pre>{@code
 * @ExtendWith(DendriteExtension.class)
 * class LoginIT {
 *     @Test
 *     void logsIn(Dendrite dendrite, TestUser alice) { ... }
 * }
 * }</pre>
 *
 * <p>One server serves the whole test run (JVM): it starts on first use and stops when the run
 * ends. Each {@code TestUser} parameter is a newly registered user. Tests share the server, so
 * they should make their own users and rooms rather than expect an empty server.
 *
 * <p>If Go is missing so that Dendrite cannot be built, tests are skipped (aborted) with a
 * message on stderr saying what to install, except when the environment variable {@code CI} is
 * set (and not {@code false}): then they fail, so CI never skips silently.
 */
public final class DendriteExtension implements ParameterResolver, BeforeAllCallback,
        BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DendriteExtension.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public DendriteExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Dendrite.class || type == TestUser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Dendrite dendrite = shared(context);
        return parameter.getParameter().getType() == TestUser.class
                ? dendrite.registerUser() : dendrite;
    }

    /**
     * Makes sure the binaries exist before any parameter is resolved, since an abort thrown while
     * resolving a parameter would be reported as a failure rather than a skip.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        checkAvailable();
    }

    /** The same check for an extension registered on a test method rather than a class. */
    @Override
    public void beforeEach(ExtensionContext context) {
        checkAvailable();
    }

    /** The run's shared server, started on first call. */
    private static Dendrite shared(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Shared shared = store.getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
        return shared.get();
    }

    private static void checkAvailable() {
        try {
            DendriteBinaries.binDir();
        } catch (DendriteUnavailableException e) {
            throw report(e);
        }
    }

    /** Skips outside CI, saying why on stderr (once per JVM); fails in CI. */
    private static RuntimeException report(DendriteUnavailableException e) {
        RuntimeException result = unavailable(e, System.getenv("CI"));
        if (result instanceof TestAbortedException && WARNED.compareAndSet(false, true)) {
            System.err.println(result.getMessage());
        }
        return result;
    }

    /** The exception for a missing toolchain: the failure itself in CI, else an abort (skip). */
    static RuntimeException unavailable(DendriteUnavailableException e, String ciVariable) {
        if (isCi(ciVariable)) {
            return e;
        }
        return new TestAbortedException("Skipping Dendrite tests: " + e.getMessage());
    }

    /** Whether the {@code CI} environment variable marks a CI run. */
    static boolean isCi(String value) {
        return value != null && !value.isBlank() && !value.trim().equalsIgnoreCase("false");
    }

    /** The shared server, or why it could not start; closed by JUnit at the end of the run. */
    private static final class Shared implements AutoCloseable {

        private final Dendrite dendrite;
        private final RuntimeException failure;

        private Shared(Dendrite dendrite, RuntimeException failure) {
            this.dendrite = dendrite;
            this.failure = failure;
        }

        static Shared start() {
            try {
                return new Shared(Dendrite.builder().start(), null);
            } catch (RuntimeException e) {
                return new Shared(null, e);
            }
        }

        Dendrite get() {
            if (failure instanceof DendriteUnavailableException unavailable) {
                throw report(unavailable);
            }
            if (failure != null) {
                throw new DendriteException("the shared Dendrite failed to start: "
                        + failure.getMessage(), failure);
            }
            return dendrite;
        }

        @Override
        public void close() {
            if (dendrite != null) {
                dendrite.close();
            }
        }
    }
}
