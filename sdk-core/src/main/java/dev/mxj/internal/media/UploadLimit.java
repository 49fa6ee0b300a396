package dev.mxj.internal.media;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.media.MediaConfig;
import dev.mxj.media.UploadTooLargeException;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The server's {@code m.upload.size}, asked for on the first upload and remembered. When the server
 * will not say (its config endpoint answers an error) the limit is unknown and uploads go ahead;
 * a network failure is not remembered, so the next upload asks again.
 */
final class UploadLimit {
    private volatile Optional<Long> known;

    /** Remembers a config the caller fetched anyway. */
    void remember(MediaConfig config) {
        known = config.uploadSizeLimit();
    }

    /** The limit, from memory or from {@code fetch}; never fails. */
    CompletableFuture<Optional<Long>> get(Supplier<CompletableFuture<MediaConfig>> fetch) {
        Optional<Long> limit = known;
        if (limit != null) {
            return CompletableFuture.completedFuture(limit);
        }
        return fetch.get().handle((config, error) -> {
            if (error == null) {
                remember(config);
                return config.uploadSizeLimit();
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof MatrixApiException api && api.httpStatus() != 429 && api.httpStatus() < 500) {
                known = Optional.empty();
            }
            return Optional.empty();
        });
    }

    /**
     * The failure of an upload of {@code size} bytes as the caller sees it: a server's refusal as too
     * large (HTTP 413, or {@code M_TOO_LARGE}) becomes an {@link UploadTooLargeException} with the
     * limit known when it was sent, and the remembered limit is dropped, so the next upload asks the
     * server again (it may have lowered its limit).
     */
    Throwable translate(Throwable error, long size, Optional<Long> limit) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof MatrixApiException api
                && (api.httpStatus() == 413 || api.errorCode().equals(ErrorCode.TOO_LARGE))) {
            known = null;
            return new UploadTooLargeException(size, limit, api);
        }
        return cause;
    }

    /** Fails with {@link UploadTooLargeException} if {@code size} is over {@code limit}. */
    static void check(long size, Optional<Long> limit) {
        if (limit.isPresent() && limit.get() >= 0 && size > limit.get()) {
            throw new UploadTooLargeException(size, limit.get());
        }
    }
}
