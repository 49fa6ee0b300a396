package dev.mxj.internal;

import java.util.Objects;

/**
 * Something an API class hands to mxj's internal code once, from its static initialiser: a way in
 * that the API class keeps out of its public methods. {@link #get} first initialises the API class
 * if it has not been yet.
 */
public final class Handover<T> {
    private final String what;
    private final Class<?> owner;
    private volatile T value;

    /** {@code what} names it in errors; {@code owner} is the API class whose initialiser installs it. */
    public Handover(String what, Class<?> owner) {
        this.what = what;
        this.owner = owner;
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
            try {
                Class.forName(owner.getName(), true, owner.getClassLoader()); // runs the owner's initialiser
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(owner + " cannot be initialised", e);
            }
            v = value;
        }
        return v;
    }
}
