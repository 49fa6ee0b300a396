package dev.mxj.internal.media;

import dev.mxj.InvalidResponseException;
import dev.mxj.id.MxcUri;
import dev.mxj.internal.api.MediaCreateApi;
import dev.mxj.internal.api.MediaUploadApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.json.Json;
import dev.mxj.json.RawJson;
import dev.mxj.media.MediaConfig;
import dev.mxj.media.MediaSupport;
import dev.mxj.media.PendingUpload;
import dev.mxj.media.ThumbnailSettings;
import dev.mxj.media.UrlPreview;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The media endpoints, described without I/O. Which base path a download, thumbnail, config or
 * preview uses depends on {@link MediaSupport}; only authenticated media sends the access token
 * for downloads and thumbnails.
 */
final class MediaRequests {
    static final String AUTHENTICATED = "/_matrix/client/v1/media";
    static final String LEGACY = "/_matrix/media/v3";

    private MediaRequests() {
    }

    private static String base(MediaSupport support) {
        return support.authenticatedMedia() ? AUTHENTICATED : LEGACY;
    }

    /** A GET of media bytes: authenticated media sends the token, legacy media must not. */
    private static ApiRequest.Builder media(MediaSupport support, String what, MxcUri uri) {
        ApiRequest.Builder b = ApiRequest.get(base(support) + what).segment(uri.serverName().value())
                .segment(uri.mediaId());
        return support.authenticatedMedia() ? b : b.unauthenticated();
    }

    static ApiRequest<Void> download(MediaSupport support, MxcUri uri) {
        return media(support, "/download", uri).noContent();
    }

    static ApiRequest<Void> thumbnail(MediaSupport support, MxcUri uri, ThumbnailSettings settings) {
        ApiRequest.Builder b = media(support, "/thumbnail", uri)
                .query("width", Integer.toString(settings.width()))
                .query("height", Integer.toString(settings.height()))
                .query("method", settings.method().value());
        if (settings.animated()) {
            b.query("animated", "true");
        }
        return b.noContent();
    }

    static ApiRequest<MediaConfig> config(MediaSupport support) {
        return ApiRequest.get(base(support) + "/config").read((body, endpoint) -> {
            RawJson raw = object(Json.read(body, RawJson.class, endpoint), endpoint);
            return new MediaConfig(raw.longValue("m.upload.size"), raw);
        });
    }

    static ApiRequest<UrlPreview> previewUrl(MediaSupport support, URI url) {
        return ApiRequest.get(base(support) + "/preview_url").query("url", url.toString())
                .read((body, endpoint) -> preview(object(Json.read(body, RawJson.class, endpoint), endpoint)));
    }

    static ApiRequest<MxcUri> upload(Optional<String> filename) {
        ApiRequest.Builder b = ApiRequest.post("/_matrix/media/v3/upload");
        filename.ifPresent(name -> b.query("filename", name));
        return b.read((body, endpoint) -> {
            MediaUploadApi answer = Json.read(body, MediaUploadApi.class, endpoint);
            if (answer.contentUri() == null) {
                throw new InvalidResponseException(endpoint + " answered without content_uri.");
            }
            return answer.contentUri();
        });
    }

    static ApiRequest<Void> uploadTo(MxcUri uri, Optional<String> filename) {
        ApiRequest.Builder b = ApiRequest.put("/_matrix/media/v3/upload").segment(uri.serverName().value())
                .segment(uri.mediaId());
        filename.ifPresent(name -> b.query("filename", name));
        return b.noContent();
    }

    static ApiRequest<PendingUpload> create() {
        return ApiRequest.post("/_matrix/media/v1/create").body(RawJson.emptyObject()).read((body, endpoint) -> {
            MediaCreateApi answer = Json.read(body, MediaCreateApi.class, endpoint);
            if (answer.contentUri() == null) {
                throw new InvalidResponseException(endpoint + " answered without content_uri.");
            }
            return new PendingUpload(answer.contentUri(),
                    Optional.ofNullable(answer.unusedExpiresAt()).map(Instant::ofEpochMilli));
        });
    }

    static UrlPreview preview(RawJson raw) {
        Optional<MxcUri> image = raw.string("og:image").flatMap(MediaRequests::mxc);
        return new UrlPreview(raw.string("og:title"), raw.string("og:description"), image,
                raw.string("og:image:type"), raw.longValue("og:image:width"), raw.longValue("og:image:height"),
                raw.longValue("matrix:image:size"), raw);
    }

    private static Optional<MxcUri> mxc(String value) {
        try {
            return Optional.of(MxcUri.of(value));
        } catch (IllegalArgumentException notMxc) {
            return Optional.empty();
        }
    }

    private static RawJson object(RawJson raw, String endpoint) {
        if (!raw.isObject()) {
            throw new InvalidResponseException(endpoint + " answered something other than a JSON object.");
        }
        return raw;
    }
}
