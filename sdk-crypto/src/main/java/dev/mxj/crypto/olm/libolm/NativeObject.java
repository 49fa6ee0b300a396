package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.OlmResource;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.LongToIntFunction;
import java.util.function.LongUnaryOperator;

/**
 * Owns one libolm object in native memory. All native calls go through {@link #call} and its
 * siblings, which hold this object's monitor (so calls on one object never overlap), refuse to run
 * once the object is closed, and keep the object reachable until the native call has returned (so
 * the {@link Cleaner} cannot free the memory under a running call).
 *
 * <p>{@link #close()} wipes and frees the memory at once. An object that is collected without being
 * closed is wiped and freed by a shared {@link Cleaner}, the backstop.
 */
abstract class NativeObject implements OlmResource {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicLong LIVE = new AtomicLong();

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private final String typeName;

    NativeObject(int kind, long ptr, String typeName) {
        if (ptr == 0) {
            throw new IllegalStateException("libolm returned no " + typeName);
        }
        this.handle = new Handle(kind, ptr);
        this.typeName = typeName;
        LIVE.incrementAndGet();
        this.cleanable = CLEANER.register(this, handle);
    }

    /** The number of native objects allocated and not yet freed (for leak tests). */
    static long liveObjects() {
        return LIVE.get();
    }

    final synchronized <T> T call(LongFunction<T> op) {
        try {
            return op.apply(ptr());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    final synchronized void run(LongConsumer op) {
        try {
            op.accept(ptr());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    final synchronized int callInt(LongToIntFunction op) {
        try {
            return op.applyAsInt(ptr());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    final synchronized long callLong(LongUnaryOperator op) {
        try {
            return op.applyAsLong(ptr());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    final synchronized boolean callBoolean(LongPredicate op) {
        try {
            return op.test(ptr());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Pickles this object with {@code key} (libolm's format). */
    final String pickleWith(byte[] key) {
        Objects.requireNonNull(key, "key");
        return ascii(call(p -> Native.pickle(handle.kind, p, key)));
    }

    private long ptr() {
        long ptr = handle.ptr;
        if (ptr == 0) {
            throw new IllegalStateException(typeName + " is closed");
        }
        return ptr;
    }

    @Override
    public final synchronized void close() {
        cleanable.clean();
    }

    @Override
    public final synchronized boolean isClosed() {
        return handle.ptr == 0;
    }

    @Override
    public String toString() {
        return typeName + (isClosed() ? " (closed)" : "");
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** For secrets the API hands out as strings: the string is unavoidable, the array is wiped. */
    static String asciiThenWipe(byte[] bytes) {
        try {
            return ascii(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static byte[] utf8(String text, String what) {
        return Objects.requireNonNull(text, what).getBytes(StandardCharsets.UTF_8);
    }

    /** The native pointer and how to free it; runs once, from close() or from the Cleaner. */
    private static final class Handle implements Runnable {
        private final int kind;
        private volatile long ptr;

        Handle(int kind, long ptr) {
            this.kind = kind;
            this.ptr = ptr;
        }

        @Override
        public void run() {
            long p = ptr;
            ptr = 0;
            if (p != 0) {
                Native.free(kind, p);
                LIVE.decrementAndGet();
            }
        }
    }
}
