package dev.mxj.media;

/**
 * Which media APIs the server offers, as read once per client from {@code /versions}.
 *
 * @param authenticatedMedia true if downloads, thumbnails, the config and URL previews use the
 *                           authenticated {@code /_matrix/client/v1/media/...} endpoints (Matrix
 *                           v1.11, or the unstable feature {@code org.matrix.msc3916.stable});
 *                           false if they use the legacy {@code /_matrix/media/v3/...} ones
 * @param asyncUploads       true if the server lists Matrix v1.7 or later, which has
 *                           {@link Media#createContentUri()} and {@link Media#uploadTo}
 */
public record MediaSupport(boolean authenticatedMedia, boolean asyncUploads) {
}
