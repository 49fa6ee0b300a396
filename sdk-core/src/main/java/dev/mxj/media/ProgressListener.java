package dev.mxj.media;

/**
 * Told how far a transfer has got. Runs on the client's callback executor
 * ({@link dev.mxj.MatrixClient.Builder#callbackExecutor}); keep it fast. Calls may be coalesced
 * when the transfer is quicker than the listener, so not every chunk is reported, but the last
 * call of a successful transfer reports {@code bytes == total}. If mxj retries a transfer, the
 * count starts again from 0. A listener that throws is logged and ignored; the transfer goes on.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param bytes the bytes handed to the connection so far
     * @param total the size of the whole transfer
     */
    void onProgress(long bytes, long total);
}
