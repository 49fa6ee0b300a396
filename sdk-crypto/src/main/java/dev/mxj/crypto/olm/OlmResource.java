package dev.mxj.crypto.olm;

/**
 * An object that may hold native (or otherwise sensitive) state. {@link #close()} wipes and frees
 * it; every later call except {@code close()} and {@link #isClosed()} throws
 * {@link IllegalStateException}. Closing twice is harmless. Implementations free an object that is
 * garbage collected without being closed, but close objects yourself: collection may come late.
 *
 * <p>Thread safety: every implementation in mxj is safe to share between threads; each object
 * serialises its own operations (calls on one object run one at a time, calls on different
 * objects run in parallel).
 */
public interface OlmResource extends AutoCloseable {
    /** Wipes and frees this object. Idempotent. */
    @Override
    void close();

    /** True once {@link #close()} has run. */
    boolean isClosed();
}
