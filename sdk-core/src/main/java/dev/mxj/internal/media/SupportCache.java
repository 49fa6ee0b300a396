package dev.mxj.internal.media;

import dev.mxj.discovery.Versions;
import dev.mxj.media.MediaSupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /versions} once per client to choose between authenticated and legacy media. A
 * failed read is not remembered, so the next media call asks again.
 */
final class SupportCache {
    static final String MSC3916_STABLE = "org.matrix.msc3916.stable";
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)");

    private final Supplier<CompletableFuture<Versions>> versions;
    private final AtomicReference<CompletableFuture<MediaSupport>> current = new AtomicReference<>();

    SupportCache(Supplier<CompletableFuture<Versions>> versions) {
        this.versions = versions;
    }

    /** The shared answer; callers must not cancel or complete it. */
    CompletableFuture<MediaSupport> get() {
        while (true) {
            CompletableFuture<MediaSupport> known = current.get();
            if (known != null && !known.isCompletedExceptionally()) {
                return known;
            }
            CompletableFuture<MediaSupport> fresh = new CompletableFuture<>();
            if (current.compareAndSet(known, fresh)) {
                versions.get().whenComplete((v, error) -> {
                    if (error != null) {
                        fresh.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error);
                    } else {
                        fresh.complete(from(v));
                    }
                });
                return fresh;
            }
        }
    }

    /** Authenticated media from Matrix v1.11 (or MSC3916's stable flag); create + PUT from v1.7. */
    static MediaSupport from(Versions versions) {
        boolean authenticated = versions.isFeatureEnabled(MSC3916_STABLE);
        boolean async = false;
        for (String v : versions.versions()) {
            Matcher m = VERSION.matcher(v);
            if (m.matches()) {
                int major = Integer.parseInt(m.group(1));
                int minor = Integer.parseInt(m.group(2));
                authenticated |= atLeast(major, minor, 11);
                async |= atLeast(major, minor, 7);
            }
        }
        return new MediaSupport(authenticated, async);
    }

    private static boolean atLeast(int major, int minor, int v1Minor) {
        return major > 1 || (major == 1 && minor >= v1Minor);
    }
}
