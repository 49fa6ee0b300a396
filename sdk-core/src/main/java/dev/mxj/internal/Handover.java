package dev.mxj.internal;

import java.util.Objects;

/**
 * Something an API class hands to mxj's internal code once, from its static initialiser: a way in
 * that the API class keeps out of its public methods. {@link #get} first initialises the API class
 * if it has not been yet.
 */
public final class Handover<T> {
    private final String what;
    private final Runnable initialiseOwner;
    private volatile T value;

    /** {@code what} names it in errors; {@code initialiseOwner} makes the JVM initialise the API class. */
    public Handover(String what, Runnable initialiseOwner) {
        this.what = what;
        this.initialiseOwner = initialiseOwner;
    }

    /** Called once, by the API class's static initialiser. */
    public synchronized void install(T v) {
        Objects.requireNonNull(v, what);
        if (value != null) {
            throw new IllegalStateException(what + " is already installed");
        }
        value = v;
    }

    public T get() {
        T v = value;
        if (v == null) {
            initialiseOwner.run();
            v = value;
        }
        return v;
    }
}
