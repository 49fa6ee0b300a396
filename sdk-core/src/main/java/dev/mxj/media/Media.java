package dev.mxj.media;

import dev.mxj.id.MxcUri;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The content repository: upload files and get {@code mxc://} URIs, download media and thumbnails
 * as streams or into files. Obtain it from {@link dev.mxj.MatrixClient#media()}. Uploads, the
 * config and URL previews need a session; so do downloads and thumbnails on a server with
 * authenticated media.
 *
 * <p>Downloads, thumbnails, the config and URL previews use authenticated media
 * ({@code /_matrix/client/v1/media/...}, Matrix v1.11) when the server offers it, otherwise the
 * legacy {@code /_matrix/media/v3/...} endpoints, which are sent without the access token. The
 * client decides once, from {@code /versions} ({@link #support()}). Uploads always use
 * {@code /_matrix/media/v3/upload}.
 *
 * <p>Nothing is held in memory whole: uploads stream from their {@link UploadSource}, downloads to
 * the caller's stream or a file. Cancelling a returned future cancels the transfer. Failures are
 * {@link dev.mxj.MatrixApiException} (e.g. {@code M_NOT_FOUND}, or HTTP 413 for an upload the
 * server refuses), {@link dev.mxj.MatrixNetworkException}, or {@link UploadTooLargeException}.
 * Downloads are retried per the client's {@link dev.mxj.RetryConfig} until their body starts.
 */
public interface Media {
    /** Which media APIs the server offers; asked once per client, then remembered. */
    CompletableFuture<MediaSupport> support();

    /** The content repository's configuration, e.g. the upload size limit. Asked anew on each call. */
    CompletableFuture<MediaConfig> config();

    /**
     * Uploads content ({@code POST /_matrix/media/v3/upload}) and completes with its URI. If the
     * server's {@link MediaConfig#uploadSizeLimit()} is known and the content is larger, fails with
     * {@link UploadTooLargeException} without sending it. The limit is read from the server on the
     * first upload and remembered; {@link #config()} refreshes it. A server that refuses the size
     * itself answers HTTP 413, a {@link dev.mxj.MatrixApiException} with {@code M_TOO_LARGE} per the
     * spec (some servers, Dendrite among them, send {@code M_UNKNOWN}: test the HTTP status).
     */
    CompletableFuture<MxcUri> upload(UploadRequest request);

    /**
     * Reserves an {@code mxc://} URI to upload to later ({@code POST /_matrix/media/v1/create},
     * Matrix v1.7; see {@link MediaSupport#asyncUploads()}). A server without it fails with
     * {@code M_UNRECOGNIZED} (HTTP 404 or 405).
     */
    CompletableFuture<PendingUpload> createContentUri();

    /**
     * Uploads the content of a URI from {@link #createContentUri()}
     * ({@code PUT /_matrix/media/v3/upload/{serverName}/{mediaId}}), with the same size check as
     * {@link #upload}. Retried on network failures when the source can be read again.
     */
    CompletableFuture<Void> uploadTo(MxcUri uri, UploadRequest request);

    /**
     * Starts downloading media and completes once the server has begun to answer, with the body
     * as a stream. Close the returned download.
     */
    CompletableFuture<MediaDownload> download(MxcUri uri);

    /**
     * Downloads media into {@code target}, replacing it. The bytes go to a temporary file in the
     * same directory, moved into place when complete, so {@code target} never holds part of the
     * media. A broken connection is retried from the start, per the client's retry settings.
     */
    CompletableFuture<DownloadedFile> download(MxcUri uri, Path target);

    /** Starts downloading a thumbnail; like {@link #download(MxcUri)}. */
    CompletableFuture<MediaDownload> thumbnail(MxcUri uri, ThumbnailSettings settings);

    /** Downloads a thumbnail into {@code target}; like {@link #download(MxcUri, Path)}. */
    CompletableFuture<DownloadedFile> thumbnail(MxcUri uri, ThumbnailSettings settings, Path target);

    /**
     * The server's preview of a web page. Servers may not offer previews (then this fails with
     * {@code M_UNRECOGNIZED}). Consider not calling it for links in encrypted rooms: it tells the
     * homeserver the URL.
     */
    CompletableFuture<UrlPreview> previewUrl(URI url);
}
