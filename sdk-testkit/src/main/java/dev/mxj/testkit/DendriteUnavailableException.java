package dev.mxj.testkit;

/**
 * Thrown when Dendrite cannot be built on this machine because the Go toolchain is missing. The
 * message says what to install (or to set {@code MXJ_DENDRITE_BIN} to prebuilt binaries).
 * {@link DendriteExtension} turns it into a skipped test outside CI and a failure in CI.
 */
public final class DendriteUnavailableException extends DendriteException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to install it
     */
    public DendriteUnavailableException(String message) {
        super(message);
    }
}
